import { describe, expect, it } from 'vitest';
import { pairedGain } from './trainer';

describe('pairedGain', () => {
  it('is the weighted mean loss reduction and its standard error', () => {
    const { mean, se } = pairedGain([1, 1, 1, 1], [0.5, 0.7, 0.5, 0.7], [1, 1, 1, 1]);
    expect(mean).toBeCloseTo(0.4, 6);
    // Differences 0.5, 0.3, 0.5, 0.3: sample sd 0.1155, se = sd / 2.
    expect(se).toBeCloseTo(0.11547 / 2, 4);
  });

  it('weighs each example as the loss does', () => {
    // Only the heavy example improves: the mean gain is its share of the weight.
    const { mean } = pairedGain([1, 1], [0, 1], [3, 1]);
    expect(mean).toBeCloseTo(0.75, 6);
  });

  it('tells a consistent gain from a noisy one of the same mean', () => {
    const steady = pairedGain(
      [1, 1, 1, 1, 1, 1],
      [0.9, 0.9, 0.9, 0.9, 0.9, 0.9],
      [1, 1, 1, 1, 1, 1],
    );
    const noisy = pairedGain(
      [1, 1, 1, 1, 1, 1],
      [0.2, 1.6, 0.4, 1.4, 0.6, 1.2],
      [1, 1, 1, 1, 1, 1],
    );
    expect(steady.mean).toBeCloseTo(noisy.mean, 6);
    expect(steady.mean).toBeGreaterThan(2 * steady.se);
    expect(noisy.mean).toBeLessThan(noisy.se);
  });

  it('has no gain to report without examples or weight', () => {
    expect(pairedGain([], [], [])).toEqual({ mean: 0, se: 0 });
    expect(pairedGain([1], [0], [0])).toEqual({ mean: 0, se: 0 });
  });
});
