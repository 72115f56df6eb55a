/**
 * Notices a visitor is shown, by code: what happened to their data or to what they see, in
 * their words. Every other notice (a text model that is not installed, a backend that would not
 * start, precomputed vectors that were not used, a bad URL parameter) is for the site's
 * operator: the engine keeps working in a fallback mode, and the detail goes to the console and
 * the diagnostics panel, never to the visitor's screen.
 */
export const VISITOR_NOTICES: ReadonlySet<string> = new Set([
  'storage-pruned',
  'storage-unsaved',
  'storage-memory',
  'storage-quota',
  'catalogue-unreachable',
  'catalogue-invalid',
  'engine-restarted',
  'event-invalid',
]);

export function forVisitors(code: string): boolean {
  return VISITOR_NOTICES.has(code);
}
