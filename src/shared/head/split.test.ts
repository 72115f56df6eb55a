import { describe, expect, it } from 'vitest';
import type { Example } from './examples';
import { splitRecent } from './split';

describe('train/validation split', () => {
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
