/**
 * Wraps a refresh so that it never runs twice at once: a trigger while it runs asks for one more
 * run after it, however many triggers came meanwhile. A burst of changes costs two refreshes, not
 * one per change.
 */
export function coalesce(refresh: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    refresh()
      .catch(() => undefined) // The refresh reports its own failures.
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  return run;
}

/** A random id for one event (crypto.getRandomValues works on plain-http shop pages too). */
export function newEventId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
