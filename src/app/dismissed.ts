/**
 * Messages the visitor has dismissed (or been shown once, where once is enough), remembered
 * across visits so that a dismissed message stays dismissed. Kept in `localStorage` like the
 * chosen language: a display setting, read synchronously while rendering, not behaviour. Erasing
 * the visitor's data clears it too.
 */
const KEY = 'private-recs:dismissed';
/** Remembered at most (the oldest are forgotten first): notices change with their counts. */
const MAX_KEYS = 100;

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    // Blocked or damaged storage: nothing is remembered, every message shows.
    return [];
  }
}

export function isDismissed(key: string): boolean {
  return read().includes(key);
}

export function dismiss(key: string): void {
  const keys = [...read().filter((k) => k !== key), key].slice(-MAX_KEYS);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(keys));
  } catch (error) {
    console.warn('A dismissed message could not be remembered for the next visit.', error);
  }
}

/** Forgets every dismissal (the visitor erased their data). */
export function clearDismissed(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing was remembered then either.
  }
}
