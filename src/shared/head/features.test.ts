import { describe, expect, it } from 'vitest';
import { history, indexOf, PAD, space, t0 } from '../../../test/head-history';
import type { Interaction } from '../interactions/types';
import { seededRandom } from '../random';
import { selectRows, WINDOW } from './batch';
import { headEvents } from './events';
import { buildExamples } from './examples';
import { scoringBatch, toBatch } from './features';
import { uniformSampler } from './negatives';

describe('head batches', () => {
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
});
