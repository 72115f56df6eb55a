import type { StoredWeights } from '../workers/storage/db';

/** The smallest valid weights record (unit tests of the repository and of quota relief). */
export const tinyWeights: Omit<StoredWeights, 'savedAt'> = {
  key: 'k',
  params: {
    dims: 1,
    typeLogit: [0],
    decayRaw: 0,
    simGain: 0,
    u: Float32Array.of(0),
    w: [1],
    b: 0,
  },
  trainedOn: 1,
  fingerprint: '1:0',
};

/**
 * Writes a database as released at `version` (1: interactions, settings, catalogues; 2: plus
 * vectors), then lets `fill` add records in the same upgrade transaction.
 */
export function openReleased(
  name: string,
  version: 1 | 2,
  fill: (stores: Record<string, IDBObjectStore>) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      const interactions = db.createObjectStore('interactions', {
        keyPath: 'id',
        autoIncrement: true,
      });
      interactions.createIndex('by-ts', 'ts');
      interactions.createIndex('by-item', 'itemId');
      const settings = db.createObjectStore('settings');
      const catalogues = db.createObjectStore('catalogues', { keyPath: 'url' });
      catalogues.createIndex('by-saved', 'savedAt');
      const stores: Record<string, IDBObjectStore> = { interactions, settings, catalogues };
      if (version >= 2) stores.vectors = db.createObjectStore('vectors', { keyPath: 'key' });
      fill(stores);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => {
      reject(request.error ?? new Error('open failed'));
    };
  });
}

/** Deletes a database, so each test starts from nothing. */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => {
      resolve();
    };
    request.onerror = () => {
      reject(request.error ?? new Error('delete failed'));
    };
  });
}
