import type { Page } from '@playwright/test';

/**
 * The keys of one store of the app's IndexedDB (`private-recs`), read from the page: it shares
 * the worker's origin, so it sees the same database.
 */
export function storeKeys(page: Page, store: string): Promise<string[]> {
  return page.evaluate(
    (name) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('private-recs');
        open.onerror = () => {
          reject(new Error(`could not open the database: ${String(open.error)}`));
        };
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).getAllKeys();
          request.onsuccess = () => {
            db.close();
            resolve(request.result.map(String));
          };
          request.onerror = () => {
            db.close();
            reject(new Error(`could not read ${name}: ${String(request.error)}`));
          };
        };
      }),
    store,
  );
}
