import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../catalogue/schema';
import type { ItemSignal } from '../interactions/signals';
import { findInterests } from './interests';
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
});
