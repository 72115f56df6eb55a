import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../catalogue/schema';
import { aggregateSignals } from '../interactions/signals';
import type { Interaction } from '../interactions/types';
import { normalize, type ItemMatrix } from './matrix';
import { mmrSelect } from './mmr';
import { personalShare, ProfileScorer } from './personal';
import { popularityPrior } from './prior';
import { minMax, rank, type RankContext } from './rank';

const now = Date.UTC(2026, 10, 22);
const CLUSTERS = ['Coffee', 'Tents', 'Books', 'Games', 'Garden', 'Music'] as const;
const PER_CLUSTER = 10;

/**
 * 30 items in 3 clusters: each vector is its cluster axis, a small item-specific axis and a
 * shared background axis (like common words), so unrelated items are slightly similar.
 */
function fixture(popularity: (i: number) => number = (i) => 1 - i / 40, perCluster = PER_CLUSTER) {
  const items: CatalogueItem[] = [];
  const dims = 4 + CLUSTERS.length * perCluster;
  const data = new Float32Array(CLUSTERS.length * perCluster * dims);
  CLUSTERS.forEach((cluster, c) => {
    for (let k = 0; k < perCluster; k++) {
      const i = c * perCluster + k;
      items.push({
        id: `${cluster}-${k}`,
        title: `${cluster} ${k}`,
        category: `${cluster} > Sub`,
        popularity: popularity(i),
      });
      const v = data.subarray(i * dims, (i + 1) * dims);
      v[c] = 1;
      v[3 + i] = 0.5;
      v[dims - 1] = 0.2 + 0.08 * k;
      normalize(v);
    }
  });
  const matrix: ItemMatrix = { rows: items.length, dims, data };
  return { items, matrix, indexOf: new Map(items.map((item, i) => [item.id, i])) };
}

async function context(
  history: Interaction[],
  items?: CatalogueItem[],
  perCluster = PER_CLUSTER,
): Promise<RankContext> {
  const f = fixture(undefined, perCluster);
  const list = items ?? f.items;
  const signals = aggregateSignals(history, f.indexOf, now);
  const personal = await new ProfileScorer().score({
    history,
    signals,
    matrix: f.matrix,
    indexOf: f.indexOf,
    now,
  });
  return { items: list, matrix: f.matrix, prior: popularityPrior(list), signals, personal };
}

const cluster = (ctx: RankContext, index: number) => ctx.items[index]?.category?.split(' >')[0];

describe('rank', () => {
  it('cold start: popular first, yet several categories in the top 6', async () => {
    const ctx = await context([]);
    const ranked = rank(ctx, { count: 6 });
    expect(ranked).toHaveLength(6);
    expect(ranked[0]?.index).toBe(0);
    expect(new Set(ranked.map((r) => cluster(ctx, r.index))).size).toBeGreaterThanOrEqual(3);
    expect(ranked[0]?.reason).toEqual({ kind: 'popular', category: 'Coffee' });
  });

  it('moves towards what the visitor engaged with, naming the item behind it', async () => {
    const history: Interaction[] = ['Books-3', 'Books-5', 'Books-7'].flatMap((itemId) => [
      { type: 'view' as const, itemId, ts: now },
      { type: 'like' as const, itemId, ts: now },
    ]);
    const ctx = await context(history);
    const ranked = rank(ctx, { count: 5 });
    const books = ranked.filter((r) => cluster(ctx, r.index) === 'Books');
    expect(books.length).toBeGreaterThanOrEqual(4);
    // Items from other clusters (picked for diversity or popularity) are never credited to history.
    for (const r of rank(ctx, { count: 12 })) {
      if (cluster(ctx, r.index) !== 'Books')
        expect(['popular', 'explore']).toContain(r.reason.kind);
    }
    const reason = ranked[0]?.reason;
    expect(reason?.kind).toBe('personal');
    if (reason?.kind === 'personal') {
      expect(['Books-3', 'Books-5', 'Books-7']).toContain(ctx.items[reason.sourceIndex]?.id);
      expect(reason.signal).toBe('like');
    }
  });

  it('gives a personalised feed a controlled exploration share from unshown categories', async () => {
    const history: Interaction[] = ['Books-1', 'Books-2', 'Books-4', 'Books-6'].map((itemId) => ({
      type: 'like' as const,
      itemId,
      ts: now,
    }));
    const ctx = await context(history);
    // One list in two explores (the draw is seeded by the history, so a list is stable).
    const lists = Array.from({ length: 40 }, (_, seed) => rank(ctx, { count: 10, seed }));
    const exploring = lists.filter((list) => list.some((r) => r.reason.kind === 'explore'));
    expect(exploring.length).toBeGreaterThan(10);
    expect(exploring.length).toBeLessThan(30);
    const seed = lists.indexOf(exploring[0] ?? []);
    const ranked = rank(ctx, { count: 10, seed });
    const explored = ranked.filter((r) => r.reason.kind === 'explore');
    expect(explored).toHaveLength(1);
    const others = new Set(
      ranked.filter((r) => r.reason.kind !== 'explore').map((r) => cluster(ctx, r.index)),
    );
    expect(others.has(cluster(ctx, explored[0]?.index ?? -1))).toBe(false);
    expect(rank(ctx, { count: 10, seed })).toEqual(ranked);
    // No exploration for a new visitor (the feed is all popular and varied already) or in search.
    expect(rank(await context([]), { count: 10 }).some((r) => r.reason.kind === 'explore')).toBe(
      false,
    );
  });

  it('ranks a feed longer than a page page by page: the first ten as a list of ten, each page with its interests', async () => {
    const liked = (itemId: string, days: number): Interaction => ({
      type: 'like',
      itemId,
      ts: now - days * 86_400_000,
    });
    const history = [
      ...['Books-1', 'Books-2', 'Books-3', 'Books-4', 'Books-5', 'Books-6'].map((id) =>
        liked(id, 20),
      ),
      ...['Tents-1', 'Tents-2', 'Tents-3'].map((id) => liked(id, 0)),
    ];
    const ctx = await context(history, undefined, 30);
    const ten = rank(ctx, { count: 10, seed: 3 });
    const twenty = rank(ctx, { count: 20, seed: 3 });
    expect(twenty).toHaveLength(20);
    expect(twenty.slice(0, 10)).toEqual(ten);
    expect(new Set(twenty.map((r) => r.index)).size).toBe(20);
    // Both interests in each page: neither is pushed to the end of the long list.
    for (const page of [twenty.slice(0, 10), twenty.slice(10)]) {
      const clusters = page.map((r) => cluster(ctx, r.index));
      expect(clusters.filter((c) => c === 'Tents').length).toBeGreaterThanOrEqual(2);
      expect(clusters.filter((c) => c === 'Books').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('explores on a later page only categories no earlier page shows', async () => {
    const history: Interaction[] = ['Books-1', 'Books-2', 'Books-4', 'Books-6'].map((itemId) => ({
      type: 'like' as const,
      itemId,
      ts: now,
    }));
    const ctx = await context(history, undefined, 30);
    let explored = 0;
    for (let seed = 0; seed < 40; seed++) {
      const feed = rank(ctx, { count: 20, seed });
      const first = new Set(feed.slice(0, 10).map((r) => cluster(ctx, r.index)));
      for (const r of feed.slice(10)) {
        if (r.reason.kind !== 'explore') continue;
        explored += 1;
        expect(first.has(cluster(ctx, r.index))).toBe(false);
      }
    }
    expect(explored).toBeGreaterThan(5);
  });

  it('fills an exploration slot that has no unshown category left with the next item', async () => {
    const history: Interaction[] = ['Books-1', 'Books-2', 'Books-4', 'Books-6'].map((itemId) => ({
      type: 'like' as const,
      itemId,
      ts: now,
    }));
    const ctx = await context(history);
    // Long lists for 6 categories: the diverse part soon shows every category, and an exploration
    // slot then finds none left to explore. 56 items are eligible (60 less the 4 liked).
    for (const count of [20, 30, 40, 56]) {
      const lists = Array.from({ length: 20 }, (_, seed) => rank(ctx, { count, seed }));
      for (const list of lists) {
        expect(list).toHaveLength(count);
        expect(new Set(list.map((r) => r.index)).size).toBe(count);
      }
    }
  });

  it('pushes disliked directions down', async () => {
    const ctx = await context([
      { type: 'dislike', itemId: 'Coffee-0', ts: now },
      { type: 'dislike', itemId: 'Coffee-1', ts: now },
    ]);
    const ranked = rank(ctx, { count: 10 });
    expect(ranked.filter((r) => cluster(ctx, r.index) === 'Coffee').length).toBeLessThanOrEqual(1);
  });

  it('filters bought, disliked and unavailable items; the feed hides engaged items, search does not', async () => {
    const f = fixture();
    const items = f.items.map((item, i) => (i === 1 ? { ...item, available: false } : item));
    const ctx = await context(
      [
        { type: 'purchase', itemId: 'Coffee-0', ts: now },
        { type: 'view', itemId: 'Coffee-2', ts: now },
      ],
      items,
    );
    const feed = rank(ctx, { count: 30 }).map((r) => r.index);
    expect(feed).not.toContain(0);
    expect(feed).not.toContain(1);
    expect(feed).not.toContain(2);
    const query = {
      text: 'coffee',
      vector: normalize(Float32Array.from({ length: f.matrix.dims }, (_, i) => (i === 0 ? 1 : 0))),
    };
    const search = rank(ctx, { count: 30, query }).map((r) => r.index);
    expect(search).toContain(2);
    expect(search).not.toContain(0);
    expect(search.every((i) => cluster(ctx, i) === 'Coffee')).toBe(true);
  });

  it('never shows an item the visitor engaged with in the feed, whatever its weight', async () => {
    // A neutral rating folds to weight 0 and a low one below 0 without being a dislike.
    const history: Interaction[] = [
      ...['Books-1', 'Books-2', 'Books-4', 'Books-6'].map((itemId) => ({
        type: 'like' as const,
        itemId,
        ts: now,
      })),
      { type: 'rating', itemId: 'Books-3', value: 3, ts: now },
      { type: 'rating', itemId: 'Games-0', value: 2, ts: now },
      { type: 'impression', itemId: 'Books-5', ts: now },
    ];
    const ctx = await context(history);
    const engaged = new Set([21, 22, 24, 26, 23, 30]);
    // Every seed, so that lists with an exploration slot are among them.
    const lists = Array.from({ length: 20 }, (_, seed) => rank(ctx, { count: 30, seed }));
    expect(lists.some((list) => list.some((r) => r.reason.kind === 'explore'))).toBe(true);
    for (const list of lists) {
      expect(list.filter((r) => engaged.has(r.index))).toEqual([]);
    }
    expect(lists[0]?.map((r) => r.index)).toContain(25);
  });

  it('hides an item disliked last even when its net weight is positive; impressions never hide', async () => {
    const ctx = await context([
      { type: 'view', itemId: 'Coffee-0', ts: now },
      { type: 'like', itemId: 'Coffee-0', ts: now },
      { type: 'dislike', itemId: 'Coffee-0', ts: now + 1 },
      { type: 'impression', itemId: 'Coffee-1', ts: now },
    ]);
    const query = {
      text: 'coffee',
      vector: normalize(
        Float32Array.from({ length: ctx.matrix.dims }, (_, i) => (i === 0 ? 1 : 0)),
      ),
    };
    const search = rank(ctx, { count: 30, query }).map((r) => r.index);
    expect(search).not.toContain(0);
    expect(search).toContain(1);
  });

  it('keeps the popular feed for a visitor who has only seen items (no evidence yet)', async () => {
    const seen: Interaction[] = [0, 1, 2, 3].map((i) => ({
      type: 'impression',
      itemId: `Coffee-${i}`,
      ts: now,
    }));
    const cold = rank(await context([]), { count: 10 });
    const looked = rank(await context(seen), { count: 10 });
    expect(looked.every((r) => r.reason.kind === 'popular')).toBe(true);
    expect(looked.map((r) => r.index)).toEqual(cold.map((r) => r.index));
  });

  it('recommends around a context item, excluding the item itself', async () => {
    const ctx = await context([]);
    const ranked = rank(ctx, { count: 4, contextIndex: 25 });
    expect(ranked.map((r) => r.index)).not.toContain(25);
    expect(ranked.every((r) => cluster(ctx, r.index) === 'Books')).toBe(true);
    expect(ranked[0]?.reason).toEqual({ kind: 'similar', sourceIndex: 25 });
  });
});

describe('rank over candidates', () => {
  it('ranks a set of candidates the same whatever was ranked before (arrays are lent, row-scratch.ts)', async () => {
    const history: Interaction[] = [
      { type: 'like', itemId: 'Coffee-1', ts: now - 3_000 },
      { type: 'like', itemId: 'Books-2', ts: now - 2_000 },
    ];
    const base = await context(history);
    const withScores = async (candidates: Int32Array): Promise<RankContext> => {
      const personal = await new ProfileScorer().score({
        history,
        signals: base.signals,
        matrix: base.matrix,
        indexOf: new Map(base.items.map((item, i) => [item.id, i])),
        now,
        candidates,
      });
      return { ...base, candidates, personal };
    };
    const b = await withScores(Int32Array.from([1, 4, 12, 20, 21, 22, 23, 24, 33, 40]));
    const a = await withScores(Int32Array.from([0, 2, 3, 5, 6, 7, 8, 9, 10, 11, 30, 31, 50]));
    const lists = (ctx: RankContext) => [
      rank(ctx, { count: 5, seed: 3 }),
      rank(ctx, { count: 5, contextIndex: 21 }),
    ];
    const fresh = lists(b);
    lists(a);
    expect(lists(b)).toEqual(fresh);
    expect(fresh[0]?.length).toBe(5);
  });
});

describe('ranking maths', () => {
  it('fades the prior as personal evidence grows', () => {
    expect(personalShare(0)).toBe(0);
    expect(personalShare(4)).toBe(0.5);
    expect(personalShare(40)).toBeGreaterThan(0.9);
  });

  it('min-max scales to [0, 1] and maps a constant vector to zeros', () => {
    expect(Array.from(minMax(Float32Array.from([2, 4, 3])))).toEqual([0, 1, 0.5]);
    expect(Array.from(minMax(Float32Array.from([5, 5])))).toEqual([0, 0]);
  });

  it('MMR with lambda 1 is plain relevance order; lower lambda spreads across clusters', () => {
    const { matrix } = fixture();
    const relevance = Float32Array.from({ length: 30 }, (_, i) => 1 - i / 30);
    const all = Array.from({ length: 30 }, (_, i) => i);
    expect(mmrSelect(all, relevance, matrix, 3, 1)).toEqual([0, 1, 2]);
    const spread = mmrSelect(all, relevance, matrix, 3, 0.4);
    expect(new Set(spread.map((i) => Math.floor(i / PER_CLUSTER))).size).toBe(3);
  });

  it('popularity prior is scaled by the maximum and square-rooted', () => {
    const prior = popularityPrior([
      { id: 'a', title: 'a', popularity: 4 },
      { id: 'b', title: 'b', popularity: 1 },
      { id: 'c', title: 'c' },
    ]);
    expect(Array.from(prior)).toEqual([1, 0.5, 0]);
  });
});
