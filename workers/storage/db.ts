import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Catalogue } from '../../src/shared/catalogue/schema';
import { StorageError } from '../../src/shared/errors';
import type { StoredInteraction } from '../../src/shared/interactions/types';
import type { HeadParams } from '../../src/shared/head/params';

export const DB_NAME = 'private-recs';
export const DB_VERSION = 3;

/** A catalogue that passed validation, kept so that a network or validation failure has a fallback. */
export interface StoredCatalogue {
  url: string;
  catalogue: Catalogue;
  savedAt: number;
}

/**
 * Item vectors of one catalogue under one encoder model: contiguous row-major blobs, and the
 * content hash of the item text each row was computed from (so changed items are re-encoded).
 */
export interface StoredVectors {
  key: string;
  model: string;
  dims: number;
  hashes: string[];
  data: Float32Array;
  savedAt: number;
}

/**
 * How vectors sit in the `vectors` store: a header under the key, and the rows in chunks under
 * `<key>#<n>` (one 150 MB value aborts in Chromium; 16k rows of 384 floats are 25 MB).
 */
export type VectorRecord =
  | {
      key: string;
      kind: 'header';
      model: string;
      dims: number;
      rows: number;
      chunks: number;
      savedAt: number;
    }
  | { key: string; kind: 'chunk'; hashes: string[]; data: Float32Array };

/** The personal scoring head's learned parameters for one catalogue and encoder. */
export interface StoredWeights {
  /** `<encoder id>|<dims>|<catalogue id>`: weights only fit the item space they were trained in. */
  key: string;
  params: HeadParams;
  /** How many engagement events (impressions aside) the weights were last trained on. */
  trainedOn: number;
  /** historyFingerprint() of those events: a deleted and a new event leave the count alike. */
  fingerprint: string;
  savedAt: number;
}

/** The single source of truth for what the app keeps in IndexedDB. */
export interface PrivateRecsDb extends DBSchema {
  interactions: {
    key: number;
    value: StoredInteraction;
    indexes: { 'by-ts': number; 'by-item': string };
  };
  settings: { key: string; value: unknown };
  catalogues: { key: string; value: StoredCatalogue; indexes: { 'by-saved': number } };
  vectors: { key: string; value: VectorRecord };
  weights: { key: string; value: StoredWeights };
}

export type Db = IDBPDatabase<PrivateRecsDb>;

/** Opens (and creates or upgrades) the database; one version step per schema change, never edited. */
function openNamed(onTerminated: () => void): Promise<Db> {
  return openDB<PrivateRecsDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const interactions = db.createObjectStore('interactions', {
          keyPath: 'id',
          autoIncrement: true,
        });
        interactions.createIndex('by-ts', 'ts');
        interactions.createIndex('by-item', 'itemId');
        db.createObjectStore('settings');
        const catalogues = db.createObjectStore('catalogues', { keyPath: 'url' });
        catalogues.createIndex('by-saved', 'savedAt');
      }
      if (oldVersion < 2) {
        db.createObjectStore('vectors', { keyPath: 'key' });
      }
      if (oldVersion < 3) {
        db.createObjectStore('weights', { keyPath: 'key' });
      }
    },
    // Another tab runs a newer version: let it upgrade, this tab reopens on its next call.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      onTerminated();
    },
    terminated: onTerminated,
  });
}

/** The database, and whether it lives only in memory (the browser refused to store data). */
export interface OpenedDb {
  db: Db;
  memory: boolean;
  /** Why the browser's own storage could not be used, when it could not. */
  reason: string | null;
}

let memoryOnly = false;
let openedOnce = false;

/** Errors that mean the browser refuses storage here (not a version clash or a passing fault). */
const REFUSALS = new Set(['UnknownError', 'SecurityError', 'InvalidStateError']);

/**
 * Opens the browser's IndexedDB; where the browser refuses it from the start (private browsing,
 * storage blocked for embedded third-party frames), an in-memory IndexedDB (fake-indexeddb) takes
 * its place, so the same code runs and the history lasts until the page closes. Once a real
 * database has been open, a failure is an error (a newer version in another tab asks for a
 * reload), never a silent switch to memory that would lose what follows.
 */
export async function openDb(onTerminated: () => void): Promise<OpenedDb> {
  if (memoryOnly) return { db: await openMemory(onTerminated), memory: true, reason: null };
  try {
    const db = await openNamed(onTerminated);
    openedOnce = true;
    return { db, memory: false, reason: null };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (openedOnce || !REFUSALS.has(name)) {
      throw new StorageError(
        'storage-unavailable',
        name === 'VersionError'
          ? 'A newer version of the app is open in another tab: reload this page to go on.'
          : `The browser's storage could not be opened (${describe(error)}). Reload the page to try again.`,
      );
    }
    memoryOnly = true;
    await useMemoryIndexedDb();
    return { db: await openMemory(onTerminated), memory: true, reason: describe(error) };
  }
}

async function openMemory(onTerminated: () => void): Promise<Db> {
  try {
    return await openNamed(onTerminated);
  } catch (error) {
    throw new StorageError(
      'storage-unavailable',
      `This browser lets the app keep no data, not even in memory (${describe(error)}).`,
    );
  }
}

/** Swaps in fake-indexeddb's globals (idb looks them up at call time); loaded only when needed. */
async function useMemoryIndexedDb(): Promise<void> {
  await import('fake-indexeddb/auto');
}

/** Maps a failed write to a StorageError the UI can explain; a quota error gets its own code. */
export function storageFailure(operation: string, error: unknown): StorageError {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new StorageError(
      'storage-quota',
      `Could not ${operation}: the browser's storage for this site is full. ` +
        'Export your data, then free space or erase old history.',
    );
  }
  return new StorageError('storage-unavailable', `Could not ${operation} (${describe(error)}).`);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
