/** What was written to the console already, so each detail is logged once per page. */
const logged = new Set<string>();

/**
 * A detail for the site's operator (an address, a status code, a command): to the console, once
 * per page, never onto the visitor's screen (STYLE: two audiences, two channels).
 */
export function logForOperator(code: string, message: string): void {
  const key = `${code}|${message}`;
  if (logged.has(key)) return;
  logged.add(key);
  console.info(`private-recs (${code}): ${message}`);
}
