import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../catalogue/schema';
import type { ItemSignal } from '../interactions/signals';
import { findInterests, wholePercents } from './interests';
import { normalize, type ItemMatrix } from './matrix';

/** Two themes on two axes, with small per-item variation. */
const items: CatalogueItem[] = [
  ...[0, 1, 2, 3].map((i) => ({
    id: `tea-${i}`,
    title: 'Tea',
    category: 'Coffee & Tea > Tea',
    tags: ['green tea', 'loose leaf'],
  })),
  ...[0, 1, 2].map((i) => ({
    id: `tent-${i}`,
    title: 'Tent',
    category: 'Outdoor > Tents',
    tags: ['camping'],
  })),
];
const dims = 4;
const data = new Float32Array(items.length * dims);
items.forEach((item, i) => {
  const v = data.subarray(i * dims, (i + 1) * dims);
  v[item.id.startsWith('tea') ? 0 : 1] = 1;
  v[2] = 0.1 * (i % 3);
  normalize(v);
});
const matrix: ItemMatrix = { rows: items.length, dims, data };
const signal = (index: number, weight = 4, disliked = false): ItemSignal => ({
  index,
  weight,
  lastTs: 0,
  strongest: 'like',
  purchased: false,
  disliked,
  engaged: true,
});

describe('findInterests', () => {
  it('finds one interest per theme, labelled by category and tags, with weight shares', () => {
    const found = findInterests(
      [0, 1, 2, 3, 4, 5].map((i) => signal(i)),
      matrix,
      items,
    );
    expect(found.map((f) => f.label)).toEqual([
      'Coffee & Tea · green tea, loose leaf',
      'Outdoor · camping',
    ]);
    expect(found[0]?.share).toBeCloseTo(4 / 6, 6);
    expect(found[0]?.items.sort()).toEqual([0, 1, 2, 3]);
    expect(found[1]?.items.sort()).toEqual([4, 5]);
  });

  it('is deterministic and ignores disliked and negative signals', () => {
    const signals = [signal(0), signal(1), signal(4), signal(5), signal(2, 4, true), signal(6, -4)];
    const a = findInterests(signals, matrix, items);
    expect(findInterests(signals, matrix, items)).toEqual(a);
    expect(a.flatMap((f) => f.items).sort()).toEqual([0, 1, 4, 5]);
  });

  it('returns nothing without positive signals', () => {
    expect(findInterests([signal(0, -4)], matrix, items)).toEqual([]);
  });

  it('keeps near duplicates of one category together, whatever their vectors', () => {
    // Two fiction books far apart in vector space are still one interest: "Books".
    const books: CatalogueItem[] = [
      { id: 'b1', title: 'Novel', category: 'Books > Fiction', tags: ['novel', 'fiction'] },
      {
        id: 'b2',
        title: 'Saga',
        category: 'Books > Fiction',
        tags: ['fiction', 'literary fiction'],
      },
      { id: 'b3', title: 'Epic', category: 'Books > Classics', tags: ['literary fiction'] },
      { id: 'c1', title: 'Helmet', category: 'Cycling > Helmets', tags: ['road'] },
    ];
    const space: ItemMatrix = {
      rows: 4,
      dims: 4,
      data: Float32Array.from([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0]),
    };
    const found = findInterests(
      [0, 1, 2, 3].map((i) => signal(i)),
      space,
      books,
    );
    expect(found.map((f) => f.label)).toEqual([
      'Books · fiction, literary fiction',
      'Cycling · road',
    ]);
    expect(found.map((f) => f.percent)).toEqual([75, 25]);
  });

  it('deleting an event of one interest leaves the others as they were', () => {
    const all = [0, 1, 2, 3, 4, 5].map((i) => signal(i));
    const before = findInterests(all, matrix, items);
    const after = findInterests(
      all.filter((s) => s.index !== 5),
      matrix,
      items,
    );
    const tea = (list: typeof before) => list.find((f) => f.label.startsWith('Coffee'));
    expect(tea(after)?.id).toBe(tea(before)?.id);
    expect(tea(after)?.items).toEqual(tea(before)?.items);
    expect(after.find((f) => f.label.startsWith('Outdoor'))?.id).toBe(
      before.find((f) => f.label.startsWith('Outdoor'))?.id,
    );
  });
});

describe('wholePercents', () => {
  it('adds up to exactly 100', () => {
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercents([0.5, 0.25, 0.125, 0.125])).toEqual([50, 25, 13, 12]);
    for (const shares of [
      [1, 2, 3, 4, 5, 6, 7],
      [0.001, 0.999],
      [3, 3, 3, 3, 3, 3],
    ]) {
      expect(wholePercents(shares).reduce((a, b) => a + b, 0)).toBe(100);
    }
  });

  it('is all zeros without any weight', () => {
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });
});
