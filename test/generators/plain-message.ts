/** What is wrong with an error message meant for a person (empty when nothing is). */
export function messageProblems(message: unknown): string[] {
  if (typeof message !== 'string') return [`it is ${typeof message}, not text`];
  const problems: string[] = [];
  if (message.trim().length < 20) problems.push('it is too short to say anything');
  if (message.length > 600) problems.push(`it is ${message.length} characters long`);
  if (/\[object \w+\]/.test(message)) problems.push('it shows "[object …]"');
  // A quoted piece of the file may say "undefined"; the message's own words may not.
  if (/(^|[\s(])undefined([\s).,;]|$)/.test(message)) problems.push('it says "undefined"');
  if (/\n\s*at |\(\S+\.(js|ts):\d+:\d+\)/.test(message)) problems.push('it holds a stack trace');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\ufffd]/.test(message))
    problems.push('it holds control characters');
  if (!/^[A-Z]/.test(message)) problems.push('it does not start a sentence');
  return problems;
}
