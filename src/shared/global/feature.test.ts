import { describe, expect, it } from 'vitest';
import { INTERACTION_TYPES } from '../interactions/types';
import type { HeadEvent } from '../ranking/examples';
import { exampleGlobal, visitorGlobal } from './feature';
import { fromRowLists, globalScores } from './sparse-rows';

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
});
