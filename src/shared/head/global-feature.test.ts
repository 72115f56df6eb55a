import { describe, expect, it } from 'vitest';
import { INTERACTION_TYPES } from '../interactions/types';
import type { HeadEvent } from './events';
import { exampleGlobal, visitorGlobal } from './global-feature';
import {
  fromRowLists,
  globalScores,
  recencyNorm,
  recencyWeight,
  recentSpan,
} from '../global/sparse-rows';

const type = (name: (typeof INTERACTION_TYPES)[number]) => INTERACTION_TYPES.indexOf(name);
// Item 0 → {1: 0.5, 2: 0.25}; item 1 → {2: 1}; item 3 → {4: 0.2}.
const model = fromRowLists(
  [
    [
      { col: 1, val: 0.5 },
      { col: 2, val: 0.25 },
    ],
    [{ col: 2, val: 1 }],
    [],
    [{ col: 4, val: 0.2 }],
    [],
  ],
  2,
);
const event = (item: number, name: Parameters<typeof type>[0], weight: number, ts: number) => ({
  item,
  type: type(name),
  ts,
  weight,
});

describe('global score', () => {
  it('sums the liked items’ rows, a repeated like once', () => {
    const scores = globalScores(model, [0, 1, 0]);
    // Row 1: 0.5; row 2: 0.25 + 1.
    expect(Array.from(scores)).toEqual([0, 0.5, 1.25, 0, 0]);
    expect(Array.from(globalScores(model, []))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(globalScores(model, [7, -1]))).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts only positive engagement: not dislikes, not impressions', () => {
    const events: HeadEvent[] = [
      event(0, 'like', 4, 1),
      event(1, 'dislike', -4, 2),
      event(3, 'impression', -0.15, 3),
    ];
    expect(Array.from(visitorGlobal(events, model) ?? [])).toEqual([0, 0.5, 0.25, 0, 0]);
    expect(visitorGlobal(events, null)).toBeNull();
  });

  it('gives each training example the score of its candidate from the likes before it', () => {
    const events: HeadEvent[] = [
      event(0, 'like', 4, 1),
      event(3, 'view', 1, 2),
      event(1, 'like', 4, 3),
      event(2, 'view', 1, 4),
    ];
    // The example at event 0 sees no like; at 2, items 0 and 3; at 4, items 0, 3 and 1.
    const at = [4, 0, 2, 2, 4];
    const cand = [2, 1, 1, 4, 4];
    const out = Array.from(exampleGlobal(events, at, cand, model));
    const expected = [0.25 + 1, 0, 0.5, 0.2, 0.2];
    out.forEach((value, b) => {
      expect(value).toBeCloseTo(expected[b] ?? NaN, 6);
    });
    // The last examples match what scoring sees for the same history.
    const atEnd = visitorGlobal(events, model);
    expect(out[0]).toBeCloseTo(atEnd?.[2] ?? NaN, 6);
    expect(out[4]).toBeCloseTo(atEnd?.[4] ?? NaN, 6);
  });

  it('weighs recent likes up as the model says, the same at scoring and in training examples', () => {
    const recency = { tau: 1, weight: 4 };
    const recent = { ...model, recency };
    // Newest first: item 1 (rank 0, weight 5), then item 0 (rank 1, weight 1 + 4/e).
    const w1 = 1 + 4 * Math.exp(-1);
    // Normalised so the two weights still sum to 2, as in the plain sum.
    const norm2 = 2 / (5 + w1);
    expect(recencyNorm(2, recency)).toBeCloseTo(norm2, 6);
    expect(recencyNorm(2, undefined)).toBe(1);
    const scores = Array.from(globalScores(recent, [1, 0]));
    [0, 0.5 * w1, 5 + 0.25 * w1, 0, 0].forEach((value, i) => {
      expect(scores[i]).toBeCloseTo(norm2 * value, 6);
    });
    // Past the span the weight is exactly the plain 1.
    expect(recencyWeight(recentSpan(recency), recency)).toBe(1);
    expect(recencyWeight(0, undefined)).toBe(1);
    // A like again moves an item to the front.
    const events: HeadEvent[] = [
      event(0, 'like', 4, 1),
      event(1, 'like', 4, 2),
      event(3, 'view', 1, 3),
      event(0, 'like', 4, 4),
    ];
    const atEnd = visitorGlobal(events, recent);
    // Newest first: 0 (5×), 3 (1 + 4/e), 1 (1 + 4/e²).
    const w2 = 1 + 4 * Math.exp(-2);
    const norm3 = 3 / (5 + w1 + w2);
    expect(atEnd?.[2]).toBeCloseTo(norm3 * (5 * 0.25 + w2 * 1), 6);
    const cand = [0, 1, 2, 3, 4];
    const out = exampleGlobal(events, [4, 4, 4, 4, 4], cand, recent);
    cand.forEach((c, b) => {
      expect(out[b]).toBeCloseTo(atEnd?.[c] ?? NaN, 5);
    });
    // Before the last like, item 1 is the newest.
    const before = exampleGlobal(events, [2], [2], recent);
    expect(before[0]).toBeCloseTo(norm2 * (5 * 1 + w1 * 0.25), 6);
  });
});
