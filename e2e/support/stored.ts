import type { Page } from '@playwright/test';

/** A stored weights record with its typed arrays as plain arrays (comparable across the wire). */
export interface WeightsRow {
  key: string;
  trainedOn: number;
  fingerprint: string;
  savedAt: number;
  params: { dims: number; u: number[]; w: number[]; typeLogit: number[] } & Record<string, unknown>;
}

/**
 * Reads a store of the app's database from the page (same origin as the worker that owns it),
 * typed arrays turned into plain arrays. Opens without a version, so it never upgrades anything.
 */
export function readStore<T = unknown>(page: Page, store: string): Promise<T[]> {
  return page.evaluate<T[], string>(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('private-recs');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    try {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => {
          resolve(request.result);
        };
        request.onerror = () => {
          reject(request.error ?? new Error('read failed'));
        };
      });
      return JSON.parse(
        JSON.stringify(rows, (_key, value: unknown) =>
          ArrayBuffer.isView(value) ? Array.from(value as Float32Array) : value,
        ),
      ) as T[];
    } finally {
      db.close();
    }
  }, store);
}

/** Whether every number in stored head parameters is finite (no NaN from a broken run). */
export function finiteParams(row: WeightsRow): boolean {
  const { params } = row;
  return [...params.u, ...params.w, ...params.typeLogit].every(Number.isFinite);
}
