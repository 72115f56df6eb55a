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

type Change =
  { op: 'get'; key: string } | { op: 'put'; value: unknown } | { op: 'delete'; key: string };

/** One read or write of a record in the app's database, straight from the page. */
function change(page: Page, store: string, request: Change): Promise<unknown> {
  return page.evaluate(
    ({ store, request }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('private-recs');
        open.onerror = () => {
          reject(new Error(`could not open the database: ${String(open.error)}`));
        };
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, request.op === 'get' ? 'readonly' : 'readwrite');
          const target = tx.objectStore(store);
          const done =
            request.op === 'get'
              ? target.get(request.key)
              : request.op === 'put'
                ? target.put(request.value)
                : target.delete(request.key);
          tx.oncomplete = () => {
            db.close();
            resolve(done.result);
          };
          tx.onerror = () => {
            db.close();
            reject(new Error(`could not ${request.op} in ${store}: ${String(tx.error)}`));
          };
        };
      }),
    { store, request },
  );
}

/** A record of the app's database (typed arrays arrive as typed arrays). */
export function getRecord(page: Page, store: string, key: string): Promise<unknown> {
  return change(page, store, { op: 'get', key });
}

/** Writes a record as it is, damage included: the page shares the worker's origin. */
export async function putRecord(page: Page, store: string, value: unknown): Promise<void> {
  await change(page, store, { op: 'put', value });
}

export async function deleteRecord(page: Page, store: string, key: string): Promise<void> {
  await change(page, store, { op: 'delete', key });
}
