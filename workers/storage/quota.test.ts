import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalogue } from '../../src/shared/catalogue/schema';
import type { Interaction, InteractionType } from '../../src/shared/interactions/types';
import { DB_NAME, openDb, type Db } from './db';
import { withQuotaRelief, type Pruned, type WriteKind } from './quota';
import { Repository } from './repository';
import { deleteDatabase, tinyWeights } from '../../test/stored-fixtures';

const t0 = Date.UTC(2026, 0, 1);
const catalogue: Catalogue = {
  schema: 'private-recs/catalogue@1',
  id: 'c',
  items: [{ id: 'a', title: 'A' }],
};
/** Every kind of signal, interleaved in time, so "oldest first" is visible across types. */
const KINDS: InteractionType[] = [
  'impression',
  'view',
  'like',
  'impression',
  'click',
  'dislike',
  'impression',
  'view',
  'purchase',
  'impression',
  'add_to_cart',
  'view',
  'impression',
  'click',
  'impression',
];
const EXPLICIT = ['like', 'dislike', 'purchase', 'add_to_cart', 'rating'];

let db: Db;

afterEach(() => {
  vi.restoreAllMocks();
});
let repo: Repository;

beforeEach(async () => {
  await deleteDatabase(DB_NAME);
  repo = new Repository();
  const events: Interaction[] = KINDS.map((type, i) => ({ type, itemId: `i${i}`, ts: t0 + i }));
  events.push({ type: 'rating', itemId: 'r', ts: t0 + 100, value: 5 });
  await repo.addInteractions(events);
  await repo.saveCatalogue('old.json', { ...catalogue, id: 'old' });
  await repo.saveCatalogue('current.json', catalogue);
  for (const key of ['m1|c', 'm2|c']) {
    await repo.saveVectors({ key, model: key, dims: 1, hashes: ['h'], data: Float32Array.of(1) });
  }
  db = (await openDb(() => undefined)).db;
});

/**
 * A write the injected quota refuses while `full()` says the store is still too full; the browser
 * is taken to count freed room at once unless `settle` delays are given.
 */
function write(kind: WriteKind, full: () => Promise<boolean>, settle: readonly number[] = []) {
  let attempts = 0;
  let report: Pruned | null = null;
  const result = withQuotaRelief(
    db,
    kind,
    'current.json',
    async () => {
      attempts += 1;
      if (await full()) throw new DOMException('quota', 'QuotaExceededError');
      return 'written';
    },
    (pruned) => {
      report = pruned;
    },
    settle,
  );
  return { result, attempts: () => attempts, report: () => report };
}

const left = async () => (await db.getAllFromIndex('interactions', 'by-ts')).map((e) => e.type);
const count = async (type: string) => (await left()).filter((t) => t === type).length;

describe('quota relief', () => {
  it('drops rebuildable caches first, keeping the catalogue in use and all history', async () => {
    const w = write('history', async () => (await db.count('vectors')) > 0);
    await expect(w.result).resolves.toBe('written');
    expect(w.attempts()).toBe(2);
    expect(w.report()).toEqual({ vectorSets: 2, catalogues: 1, impressions: 0, viewsAndClicks: 0 });
    expect(await db.getAllKeys('catalogues')).toEqual(['current.json']);
    expect(await left()).toEqual([...KINDS, 'rating']);
  });

  it('then removes the oldest impressions, half at a time, before any view or click', async () => {
    const w = write('history', async () => (await count('impression')) > 3);
    await expect(w.result).resolves.toBe('written');
    expect(w.report()).toMatchObject({ impressions: 3, viewsAndClicks: 0 });
    const remaining = await db.getAllFromIndex('interactions', 'by-ts');
    // The three newest impressions stay (ts 9, 12, 14 in KINDS order).
    expect(remaining.filter((e) => e.type === 'impression').map((e) => e.ts - t0)).toEqual([
      9, 12, 14,
    ]);
  });

  it('then the oldest views and clicks; likes, dislikes, ratings, carts and purchases never', async () => {
    const w = write('history', async () => (await count('view')) + (await count('click')) > 2);
    await expect(w.result).resolves.toBe('written');
    expect(w.report()).toEqual({ vectorSets: 2, catalogues: 1, impressions: 6, viewsAndClicks: 3 });
    expect(w.attempts()).toBe(5); // first try, then after caches, half, rest of impressions, half of weak
    const remaining = await db.getAllFromIndex('interactions', 'by-ts');
    expect(
      remaining.filter((e) => ['view', 'click'].includes(e.type)).map((e) => e.ts - t0),
    ).toEqual([11, 13]);
    expect(remaining.filter((e) => EXPLICIT.includes(e.type))).toHaveLength(5);
  });

  it('gives up with the quota error when nothing weaker is left, and says what it removed', async () => {
    const w = write('history', () => Promise.resolve(true));
    await expect(w.result).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(w.report()).toEqual({ vectorSets: 2, catalogues: 1, impressions: 6, viewsAndClicks: 5 });
    expect(await left()).toEqual(['like', 'dislike', 'purchase', 'add_to_cart', 'rating']);
  });

  it('waits for the browser to count freed room before pruning anything stronger', async () => {
    // The room the caches freed is counted only on the third try after they went.
    let afterCaches = 0;
    const w = write(
      'history',
      async () => (await db.count('vectors')) > 0 || ++afterCaches < 3,
      [1, 1, 1],
    );
    await expect(w.result).resolves.toBe('written');
    expect(w.attempts()).toBe(4);
    expect(w.report()).toEqual({ vectorSets: 2, catalogues: 1, impressions: 0, viewsAndClicks: 0 });
    expect(await left()).toEqual([...KINDS, 'rating']);
  });

  it('moves to the next stage once the waits are spent', async () => {
    const w = write('history', async () => (await count('impression')) > 3, [1, 1]);
    await expect(w.result).resolves.toBe('written');
    // first try; after caches: at once and after two waits; then after half the impressions
    expect(w.attempts()).toBe(5);
    expect(w.report()).toMatchObject({ impressions: 3, viewsAndClicks: 0 });
  });

  it('a cache write frees only caches, and impressions never displace views', async () => {
    const cache = write('cache', () => Promise.resolve(true));
    await expect(cache.result).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await left()).toEqual([...KINDS, 'rating']);
    const shown = write('impressions', () => Promise.resolve(true));
    await expect(shown.result).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(shown.report()).toEqual({
      vectorSets: 0,
      catalogues: 0,
      impressions: 6,
      viewsAndClicks: 0,
    });
    expect(await count('view')).toBe(3);
  });

  it('other errors are not quota: nothing is removed', async () => {
    const w = withQuotaRelief(
      db,
      'history',
      null,
      () => Promise.reject(new DOMException('gone', 'InvalidStateError')),
      () => {
        throw new Error('nothing should be reported');
      },
    );
    await expect(w).rejects.toMatchObject({ name: 'InvalidStateError' });
    expect(await db.count('vectors')).toBe(4);
  });
});

describe('Repository under a full quota', () => {
  const weights = tinyWeights;

  /** Makes the repository's own connection refuse `put` with a quota error `times` times. */
  async function refusePuts(times: number): Promise<void> {
    const own = await (repo as unknown as { open(): Promise<Db> }).open();
    const put = own.put.bind(own);
    let refused = 0;
    vi.spyOn(own, 'put').mockImplementation((...args: Parameters<Db['put']>) => {
      if (refused++ < times) return Promise.reject(new DOMException('full', 'QuotaExceededError'));
      return put(...args);
    });
  }

  it('makes room from caches for learned weights, retries, and keeps the totals', async () => {
    await refusePuts(1);
    await repo.saveWeights(weights);
    expect((await repo.weights('k'))?.trainedOn).toBe(1);
    expect(repo.pruned).toEqual({
      vectorSets: 2,
      catalogues: 1,
      impressions: 0,
      viewsAndClicks: 0,
    });
    expect(await repo.interactionCount()).toBe(KINDS.length + 1);
  });

  it('says plainly that storage is full when caches are not enough for weights', async () => {
    // Refused on every try, also after waiting for the browser to count the freed room.
    await refusePuts(Number.POSITIVE_INFINITY);
    await expect(repo.saveWeights(weights)).rejects.toMatchObject({ code: 'storage-quota' });
    expect(await repo.interactionCount()).toBe(KINDS.length + 1);
  });
});
