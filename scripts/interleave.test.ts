import { describe, expect, it } from 'vitest';
import { simulate, summarize } from './interleave';

describe('interleaving replay', () => {
  const listed = (indices: number[]) => indices.map((index) => ({ index }));
  const a = listed([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const b = listed([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);

  it('credits the strategy whose list holds the clicked items', () => {
    const tally = simulate(a, b, new Set([1, 2, 3]), 30, 7);
    expect(tally.a).toBeGreaterThan(20);
    expect(tally.b).toBe(0);
  });

  it('splits credits when both lists hold the same relevant items', () => {
    const all = new Set(a.map((r) => r.index));
    const tally = simulate(a, [...a].reverse(), all, 200, 3);
    expect(Math.abs(tally.a - tally.b) / (tally.a + tally.b)).toBeLessThan(0.2);
  });

  it('sees places 6-10 of a ranking only when the feed is twice ten long', () => {
    // Item 8 is the first list's eighth: a ten-item draft takes about five of each list and
    // never shows it; a twenty-item draft shows both lists' first ten.
    const relevant = new Set([8]);
    expect(simulate(a, b, relevant, 30, 7, 10)).toMatchObject({ a: 0, b: 0 });
    const twenty = simulate(a, b, relevant, 30, 7, 20);
    expect(twenty.a).toBeGreaterThan(0);
    expect(twenty.b).toBe(0);
  });

  it('credits neither strategy with what the feed placed itself', () => {
    // The clicked items are the first list's floor or exploration picks at its end, which the
    // draft leaves out and the feed shows anyway: no credit either way.
    const placed = a.map((r) => (r.index >= 8 ? { ...r, placed: true as const } : r));
    const tally = simulate(placed, b, new Set([8, 9, 10]), 30, 7);
    expect(tally.a + tally.b).toBe(0);
  });

  it('counts a tie of credits as disagreement and leaves unordered users out', () => {
    const summary = summarize([
      { better: 'a', tally: { a: 9, b: 1, since: 0 } },
      { better: 'b', tally: { a: 2, b: 2, since: 0 } },
      { better: null, tally: { a: 0, b: 5, since: 0 } },
    ]);
    expect(summary).toMatchObject({
      usersWithAnOrdering: 2,
      agreement: 0.5,
      withAVerdict: 0.5,
      agreementWithAVerdict: 1,
      settled: 0.5,
      agreementWhenSettled: 1,
      noCredits: 0,
    });
  });
});
