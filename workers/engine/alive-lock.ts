/**
 * Holds a Web Lock for the rest of this worker's life. The browser releases it when the worker
 * ends in any way (crash, `self.close()`, `terminate()`), and the page, queued for the same
 * lock, is then granted it: a death signal with no timers and no polling.
 */
export function holdAliveLock(name: string): Promise<boolean> {
  // Older browsers and some embedded contexts have no Web Locks.
  if (!('locks' in navigator)) return Promise.resolve(false);
  const locks = navigator.locks;
  return new Promise((resolve) => {
    locks
      .request(name, () => {
        resolve(true);
        // Never settles: the lock is held until the worker is gone.
        return new Promise<never>(() => undefined);
      })
      .catch((error: unknown) => {
        // Storage blocked (a cross-site frame) may deny locks: the page then relies on `error` events.
        console.warn('private-recs: no liveness lock for the engine worker', error);
        resolve(false);
      });
  });
}
