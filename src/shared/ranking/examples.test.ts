import { describe, expect, it } from 'vitest';
import type { Interaction } from '../interactions/types';
import { seededRandom } from '../random';
import {
  buildExamples,
  headEvents,
  scoringBatch,
  selectRows,
  splitRecent,
  toBatch,
  uniformSampler,
  WINDOW,
  type Example,
} from './examples';
import { headSpace } from './head-space';

// Four items on two axes: a and b point the same way, c and d the other.
const space = headSpace(
  { rows: 4, dims: 2, data: Float32Array.from([1, 0, 1, 0, 0, 1, 0, 1]) },
  ['x', 'x', 'y', 'y'].map((category, i) => ({ id: String(i), title: 't', category })),
  Float32Array.from([0.1, 0.2, 0.3, 0.4]),
);
const PAD = 4;

const day = 86_400_000;
const t0 = Date.UTC(2026, 0, 1);
const indexOf = new Map(['a', 'b', 'c', 'd'].map((id, i) => [id, i]));
const history: Interaction[] = [
  { type: 'like', itemId: 'b', ts: t0 + day },
  { type: 'view', itemId: 'a', ts: t0 },
  { type: 'view', itemId: 'zzz', ts: t0 + 2 * day },
  { type: 'dislike', itemId: 'c', ts: t0 + 3 * day },
  { type: 'view', itemId: 'b', ts: t0 + 4 * day },
];

describe('head examples', () => {
  it('orders events by time and drops unknown items', () => {
    const events = headEvents(history, indexOf);
    expect(events.map((e) => e.item)).toEqual([0, 1, 2, 1]);
    expect(events.map((e) => Math.sign(e.weight))).toEqual([1, 1, -1, 1]);
  });

  it('makes a positive per newly engaged item, sampled negatives, and negatives from dislikes', () => {
    const events = headEvents(history, indexOf);
    const examples = buildExamples(events, uniformSampler(4, seededRandom(1)), 2);
    const positives = examples.filter((e) => e.label === 1);
    expect(positives.map((e) => [e.at, e.cand])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    // The second view of b is a repeat, not a new positive.
    expect(examples.some((e) => e.at === 3 && e.label === 1)).toBe(false);
    expect(examples).toContainEqual({ at: 2, cand: 2, label: 0, weight: 4 });
    for (const e of examples.filter((x) => x.label === 0 && x.at < 2)) {
      expect(e.cand).not.toBe(events[e.at]?.item);
    }
  });

  it('fills each window with strictly earlier events and their age in days', () => {
    const events = headEvents(history, indexOf);
    const batch = toBatch(events, [{ at: 2, cand: 2, label: 0, weight: 4 }], space);
    expect(Array.from(batch.histItem.slice(0, 3))).toEqual([0, 1, PAD]);
    expect(Array.from(batch.histAge.slice(0, 2))).toEqual([3, 2]);
    expect(Array.from(batch.histSign.slice(0, 3))).toEqual([1, 1, 0]);
    expect(batch.histItem).toHaveLength(WINDOW);
  });

  it('keeps impressions out of the window but learns from them as negatives', () => {
    const withImpressions: Interaction[] = [
      { type: 'like', itemId: 'a', ts: t0 },
      ...Array.from({ length: WINDOW + 5 }, (_, i) => ({
        type: 'impression' as const,
        itemId: 'c',
        ts: t0 + 1 + i,
      })),
      { type: 'like', itemId: 'b', ts: t0 + 100 },
    ];
    const events = headEvents(withImpressions, indexOf);
    const examples = buildExamples(events, uniformSampler(4, seededRandom(3)), 0);
    expect(examples.filter((e) => e.label === 0 && e.cand === 2)).toHaveLength(WINDOW + 5);
    const last = examples[examples.length - 1];
    expect(last).toMatchObject({ cand: 1, label: 1 });
    // The like of b still sees the like of a, however many impressions came in between.
    const batch = toBatch(events, last ? [last] : [], space);
    expect(Array.from(batch.histItem.slice(0, 2))).toEqual([0, PAD]);
  });

  it('keeps only the last WINDOW events for long histories', () => {
    const long: Interaction[] = Array.from({ length: WINDOW + 10 }, (_, i) => ({
      type: 'view' as const,
      itemId: ['a', 'b', 'c', 'd'][i % 4] ?? 'a',
      ts: t0 + i,
    }));
    const events = headEvents(long, indexOf);
    const batch = scoringBatch(events, space, t0 + 1000);
    expect(batch.size).toBe(1);
    expect(Array.from(batch.histItem).includes(PAD)).toBe(false);
    expect(batch.histItem[WINDOW - 1]).toBe(events[events.length - 1]?.item);
  });

  it('precomputes the similarity and category match against the candidate', () => {
    const events = headEvents(history, indexOf);
    // Candidate a (row 0) against a window of a, b (same direction and category) and c.
    const batch = toBatch(events, [{ at: 3, cand: 0, label: 1, weight: 1 }], space);
    expect(Array.from(batch.histSim.slice(0, 4))).toEqual([1, 1, 0, 0]);
    expect(Array.from(batch.histSame.slice(0, 4))).toEqual([1, 1, 0, 0]);
    expect(batch.candPrior[0]).toBeCloseTo(0.1);
    expect(Array.from(batch.candProj)).toEqual(Array.from(space.projected.slice(0, 32)));
    const picked = selectRows(
      toBatch(
        events,
        [
          { at: 3, cand: 0, label: 1, weight: 1 },
          { at: 3, cand: 2, label: 0, weight: 1 },
        ],
        space,
      ),
      [1],
    );
    expect(picked.size).toBe(1);
    expect(Array.from(picked.histSim.slice(0, 3))).toEqual([0, 0, 1]);
    expect(picked.cand[0]).toBe(2);
  });

  it('holds out the most recent examples once there are enough positives', () => {
    const examples = Array.from({ length: 20 }, (_, at) => ({
      at,
      cand: at,
      label: 1 as const,
      weight: 1,
    }));
    const { train, valid } = splitRecent(examples);
    expect(valid.map((e) => e.at)).toEqual([15, 16, 17, 18]);
    expect(train).toHaveLength(16);
    expect(splitRecent(examples.slice(0, 3)).valid).toEqual([]);
  });

  it('trains on the newest interaction in its own run (it is never the held-out one)', () => {
    // The newest event with its sampled negatives: all of them are training examples.
    const examples = Array.from({ length: 12 }, (_, i): Example => {
      return { at: Math.min(i, 7), cand: i, label: i < 8 ? 1 : 0, weight: 1 };
    });
    const { train, valid } = splitRecent(examples);
    expect(train.filter((e) => e.at === 7)).toHaveLength(5);
    expect(valid.length).toBeGreaterThan(0);
    expect(valid.every((e) => e.at < 7)).toBe(true);
  });
});
