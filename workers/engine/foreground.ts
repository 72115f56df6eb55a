/**
 * Calls the visitor waits on (a feed, a search) go ahead of background work in the worker's one
 * thread. Training a head after a burst of events takes seconds (15 s after a 10,000-event flood
 * here); run between the steps of a recommend() it doubled its time (issue 16.1). Background
 * work awaits `backgroundTurn()` between its steps instead of a bare yield.
 */

/** Background work resumes once no foreground call has run for this long. */
export const QUIET_MS = 40;
/** …or after waiting this long, so that a page asking without pause still gets training. */
export const MAX_WAIT_MS = 1_000;

let active = 0;
let lastEnded = -Infinity;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** Runs a call the visitor waits on; background work holds still until it is done. */
export async function foreground<T>(work: () => Promise<T>): Promise<T> {
  active += 1;
  try {
    return await work();
  } finally {
    active -= 1;
    lastEnded = performance.now();
  }
}

/**
 * Resolves on a later task, once no foreground call is running or ended less than QUIET_MS ago
 * (at most MAX_WAIT_MS from now): lets RPC calls in, and gives them the thread first.
 */
export async function backgroundTurn(): Promise<void> {
  const started = performance.now();
  await sleep(0);
  for (;;) {
    const now = performance.now();
    const quietFor = active > 0 ? 0 : now - lastEnded;
    if (quietFor >= QUIET_MS || now - started >= MAX_WAIT_MS) return;
    await sleep(Math.max(1, Math.min(QUIET_MS - quietFor, MAX_WAIT_MS - (now - started))));
  }
}
