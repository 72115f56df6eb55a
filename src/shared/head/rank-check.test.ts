import { describe, expect, it } from 'vitest';
import type { Example } from './examples';
import { groupGains, meanGain, rankCheckRows } from './rank-check';

const example = (at: number, cand: number, label: 0 | 1): Example => ({
  at,
  cand,
  label,
  weight: 1,
});

describe('rank check', () => {
  it('groups each held-out positive with sampled items, never the positive itself', () => {
    const valid = [example(7, 3, 1), example(7, 9, 0), example(8, 4, 0), example(9, 5, 1)];
    const draws = [3, 10, 11, 12, 5, 13];
    let next = 0;
    const rows = rankCheckRows(valid, () => draws[next++] ?? 0, 3);
    // Positive 3: draws 3 (itself, skipped), 10, 11; positive 5: draws 12, 5 (skipped), 13.
    expect(rows.examples.map((e) => [e.at, e.cand, e.label])).toEqual([
      [7, 3, 1],
      [7, 10, 0],
      [7, 11, 0],
      [9, 5, 1],
      [9, 12, 0],
      [9, 13, 0],
    ]);
    expect(Array.from(rows.group)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it("scores each group by its positive's place, ties counting half", () => {
    const group = Int32Array.from([0, 0, 0, 1, 1, 1, 1]);
    const gains = groupGains([3, 1, 2, 1, 3, 2, 1], group);
    expect(gains[0]).toBeCloseTo(1, 10);
    // Two above, one tied: place 3.5.
    expect(gains[1]).toBeCloseTo(1 / Math.log2(4.5), 10);
    expect(groupGains([], new Int32Array(0))).toHaveLength(0);
  });

  it('averages paired gains', () => {
    expect(meanGain([0.5, 1], [1, 0.75])).toBeCloseTo(0.125, 10);
    expect(meanGain([], [])).toBe(0);
  });
});
