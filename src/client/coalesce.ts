/**
 * The longest wait before the one more run. A run that took long was mostly waiting (the first
 * list waits for the engine's start-up, seconds on a slow device): a wait as long as that would
 * hold back the visitor's first click by as much.
 */
export const MAX_WAIT_MS = 500;

/**
 * Wraps a refresh so that it never runs twice at once: a trigger while it runs asks for one more
 * run after it, however many triggers came meanwhile. A burst of changes costs two refreshes, not
 * one per change. That one more run waits as long as the last run took (at most MAX_WAIT_MS):
 * under a steady stream of changes (a flood of events) refreshing takes at most half the time,
 * and the engine keeps the rest for the work that causes the changes. A lone trigger runs at once.
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
    const start = performance.now();
    refresh()
      .catch(() => undefined) // The refresh reports its own failures.
      .finally(() => {
        const took = Math.min(performance.now() - start, MAX_WAIT_MS);
        setTimeout(() => {
          running = false;
          if (again) run();
        }, took);
      });
  };
  return run;
}

/** A random id for one event (crypto.getRandomValues works on plain-http shop pages too). */
export function newEventId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
