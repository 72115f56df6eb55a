import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../catalogue/schema';
import type { ItemSignal } from '../interactions/signals';
import { calibrate, interestShares } from './calibrate';

const items: CatalogueItem[] = [
  ...Array.from({ length: 12 }, (_, i) => ({
    id: `b${i}`,
    title: 'B',
    category: 'Books > Novels',
  })),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `c${i}`, title: 'C', category: 'Cycling' })),
  { id: 'x', title: 'X' },
];
const signal = (index: number, weight: number, disliked = false): ItemSignal => ({
  index,
  weight,
  lastTs: 0,
  strongest: 'like',
  purchased: false,
  disliked,
  engaged: true,
});
/** Books are more relevant than cycling items, all of them. */
const relevance = Float32Array.from(items, (item, i) =>
  item.id.startsWith('b') ? 1 - i / 100 : 0.3 - i / 100,
);
const byRelevance = items
  .map((_, i) => i)
  .sort((a, b) => (relevance[b] ?? 0) - (relevance[a] ?? 0));

describe('interestShares', () => {
  it('shares the net weight of acts by top category; dislikes count against their category', () => {
    const shares = interestShares(
      [signal(0, 6), signal(1, 2), signal(12, 2), signal(13, -1), signal(16, 2)],
      items,
    );
    // Positive weight 12 in all; the dislike takes its weight from Cycling only.
    expect(Object.fromEntries(shares)).toEqual({ Books: 8 / 12, Cycling: 1 / 12 });
  });

  it('gives a category disliked as much as liked no share; impressions are not acts', () => {
    const impression = { ...signal(14, -0.15), engaged: false };
    const shares = interestShares([signal(0, 4), signal(12, 4), signal(13, -4), impression], items);
    expect(Object.fromEntries(shares)).toEqual({ Books: 0.5 });
  });
});

describe('calibrate', () => {
  it('gives a fresh interest its floor of places, at the end where its relevance puts it', () => {
    const picked = byRelevance.slice(0, 10);
    const shares = new Map([
      ['Books', 0.7],
      ['Cycling', 0.3],
    ]);
    const list = calibrate(picked, byRelevance, relevance, items, shares);
    expect(list).toHaveLength(10);
    expect(list.filter((i) => items[i]?.category === 'Cycling')).toEqual([12, 13, 14]);
    // The best books keep their places; the three weakest picks made room.
    expect(list.slice(0, 7)).toEqual(picked.slice(0, 7));
    expect(list.slice(7)).toEqual([12, 13, 14]);
  });

  it('changes nothing when every interest has its floor already', () => {
    const picked = [0, 1, 2, 12, 3, 4, 13, 5, 6, 14];
    const shares = new Map([
      ['Books', 0.7],
      ['Cycling', 0.3],
    ]);
    expect(calibrate(picked, byRelevance, relevance, items, shares)).toEqual(picked);
  });

  it('never takes a place an interest needs for its own floor', () => {
    const picked = byRelevance.slice(0, 4);
    const shares = new Map([
      ['Books', 0.5],
      ['Cycling', 0.5],
    ]);
    const list = calibrate(picked, byRelevance, relevance, items, shares);
    expect(list.filter((i) => items[i]?.category?.startsWith('Books'))).toHaveLength(2);
    expect(list.filter((i) => items[i]?.category === 'Cycling')).toHaveLength(2);
  });
});
