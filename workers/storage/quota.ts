import type { InteractionType } from '../../src/shared/interactions/types';
import type { Db } from './db';

/**
 * What a write may free room from, by what it stores: a rebuildable cache (vectors, weights, a
 * catalogue copy) frees only caches; impressions free caches and older impressions; the
 * visitor's history and settings may also free the oldest views and clicks. A weaker signal
 * never displaces a stronger one, and nothing displaces likes, dislikes, ratings, carts or
 * purchases: those are what the visitor said or did on purpose.
 */
export type WriteKind = 'cache' | 'impressions' | 'history';

/** What was removed to let writes through (totals). */
export interface Pruned {
  /** Sets of cached item vectors (one per encoder and catalogue). */
  vectorSets: number;
  /** Stored catalogue copies other than the one in use. */
  catalogues: number;
  impressions: number;
  viewsAndClicks: number;
}

type Stage = 'caches' | 'impressions-half' | 'impressions-rest' | 'weak-half' | 'weak-rest';

/** Weakest first; each stage is followed by one more try of the write. */
const STAGES: Record<WriteKind, readonly Stage[]> = {
  cache: ['caches'],
  impressions: ['caches', 'impressions-half', 'impressions-rest'],
  history: ['caches', 'impressions-half', 'impressions-rest', 'weak-half', 'weak-rest'],
};

/** The weakest engagement: prunable, oldest first, after every impression is gone. */
const WEAK: readonly InteractionType[] = ['view', 'click'];

/** Nothing pruned yet. */
export const nothingPruned = (): Pruned => ({
  vectorSets: 0,
  catalogues: 0,
  impressions: 0,
  viewsAndClicks: 0,
});

/** True for a write refused because the origin's storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

/**
 * How long to wait, one delay after another, for the browser to count the room a stage freed
 * before freeing the next stage. Browsers account deleted records late (Chromium 150 sometimes
 * by seconds): retrying at once would prune stronger signals than needed, and running out of
 * stages while the freed room is still uncounted would refuse the visitor's write.
 */
export const SETTLE_MS: readonly number[] = [50, 150, 300, 500, 1_000];

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Runs a write; while it fails for quota, frees the next stage of what this kind of write may
 * displace and tries again — at once, then after each of the `settle` delays — before freeing the
 * next stage. What was removed is reported even if the write fails in the end; errors other than
 * quota end it at once. It never waits longer than that (about 2 s per stage): an explicit event
 * still refused is kept in memory and written later (history.ts), so no caller is held up.
 */
export async function withQuotaRelief<T>(
  db: Db,
  kind: WriteKind,
  keepCatalogue: string | null,
  write: () => Promise<T>,
  onPruned: (pruned: Pruned) => void,
  settle: readonly number[] = SETTLE_MS,
): Promise<T> {
  const pruned = nothingPruned();
  const stages = STAGES[kind];
  let next = 0;
  /** Delays still to wait for the room of the last stage to be counted. */
  let waits: readonly number[] = [];
  try {
    for (;;) {
      try {
        return await write();
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        const [wait, ...rest] = waits;
        if (wait !== undefined) {
          waits = rest;
          await sleep(wait);
          continue;
        }
        let freed = 0;
        // A stage that finds nothing to remove is skipped: the same write would fail again.
        while (freed === 0 && next < stages.length) {
          freed = await prune(db, stages[next] ?? 'caches', keepCatalogue, pruned);
          next += 1;
        }
        if (freed === 0) throw error;
        waits = settle;
      }
    }
  } finally {
    if (Object.values(pruned).some((count) => count > 0)) onPruned(pruned);
  }
}

async function prune(
  db: Db,
  stage: Stage,
  keepCatalogue: string | null,
  pruned: Pruned,
): Promise<number> {
  switch (stage) {
    case 'caches':
      return pruneCaches(db, keepCatalogue, pruned);
    case 'impressions-half':
    case 'impressions-rest': {
      const removed = await pruneOldest(db, ['impression'], stage === 'impressions-half');
      pruned.impressions += removed;
      return removed;
    }
    case 'weak-half':
    case 'weak-rest': {
      const removed = await pruneOldest(db, WEAK, stage === 'weak-half');
      pruned.viewsAndClicks += removed;
      return removed;
    }
  }
}

/** Drops every cached vector set and the catalogue copies other than the one in use. */
async function pruneCaches(db: Db, keep: string | null, pruned: Pruned): Promise<number> {
  const tx = db.transaction(['vectors', 'catalogues'], 'readwrite');
  const vectors = tx.objectStore('vectors');
  const sets = (await vectors.getAll()).filter((record) => record.kind === 'header').length;
  const chunks = await vectors.count();
  const catalogues = tx.objectStore('catalogues');
  // Without a catalogue in use yet, the most recently saved copy is the one to keep.
  const newest = (await catalogues.index('by-saved').openCursor(null, 'prev'))?.value.url;
  const old = (await catalogues.getAllKeys()).filter((url) => url !== (keep ?? newest));
  await Promise.all([vectors.clear(), ...old.map((url) => catalogues.delete(url)), tx.done]);
  pruned.vectorSets += sets;
  pruned.catalogues += old.length;
  return chunks + old.length;
}

/** Deletes the oldest half (at least one), or all, of the interactions of these types. */
async function pruneOldest(
  db: Db,
  types: readonly InteractionType[],
  half: boolean,
): Promise<number> {
  const tx = db.transaction('interactions', 'readwrite');
  const rows = (await tx.store.index('by-ts').getAll()).filter((row) => types.includes(row.type));
  const doomed = half ? rows.slice(0, Math.ceil(rows.length / 2)) : rows;
  await Promise.all([...doomed.map((row) => tx.store.delete(row.id)), tx.done]);
  return doomed.length;
}
