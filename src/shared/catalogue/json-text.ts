/** Helpers that look at JSON as text, before or after JSON.parse has had its say. */

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
export const OPEN_OBJECT = 0x7b;
export const OPEN_LIST = 0x5b;
export const CLOSE_OBJECT = 0x7d;
export const CLOSE_LIST = 0x5d;

/** The offset of the quote that closes the string opened at `start` (or the end of the text). */
export function stringEnd(text: string, start: number): number {
  let at = text.indexOf('"', start + 1);
  while (at !== -1) {
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return text.length;
}

/**
 * Why a text is not JSON, in words a shop owner can act on: empty, binary, a web page, cut off,
 * or the parser's own complaint with its position (control characters and long runs removed).
 */
export function describeJsonFailure(text: string, error: unknown): string {
  const head = text.slice(0, 1024);
  if (text.trim() === '') return 'it is not valid JSON: the file is empty.';
  if (looksBinary(head)) {
    return 'it is not valid JSON: it is binary data (an image, a compressed or an office file?), not text.';
  }
  if (head.trimStart().startsWith('<')) {
    return `it is not valid JSON: it is HTML or XML (it starts with ${snippet(head.trimStart(), 40)}).`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (endsEarly(text, detail)) {
    const length = `${text.length.toLocaleString('en')} ${text.length === 1 ? 'character' : 'characters'}`;
    return `it is not valid JSON: it ends too early, after ${length}, so the file is truncated (cut off while it was written or downloaded).`;
  }
  return `it is not valid JSON (${printable(detail, 160)}). Check the file with a JSON validator.`;
}

/** Text shown inside a message: quoted, control characters escaped, at most `max` characters. */
export function snippet(value: string, max: number): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(printable(cut, max + 1));
}

/** `value` with control and replacement characters turned into "?" and cut to `max`. */
export function printable(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** The parser gave up at the very end of the text: the rest of the file is missing. */
function endsEarly(text: string, detail: string): boolean {
  if (/Unexpected end of JSON input/i.test(detail)) return true;
  const position = /at position (\d+)/.exec(detail)?.[1];
  return position !== undefined && Number(position) >= text.trimEnd().length;
}

/** NUL bytes or many undecodable or control characters: not something a person typed. */
function looksBinary(head: string): boolean {
  if (head.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex
  const odd = head.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return odd > Math.max(2, head.length / 20);
}
