import { describe, expect, it } from 'vitest';
import { history, indexOf } from '../../../test/head-history';
import { seededRandom } from '../random';
import { headEvents } from './events';
import { buildExamples } from './examples';
import { uniformSampler } from './negatives';

describe('head examples', () => {
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
});
