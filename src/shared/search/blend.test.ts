import { describe, expect, it } from 'vitest';
import { blendSearch, reachable, TASTE_MARGIN } from './blend';
import type { SearchHit } from './search-index';

const hit = (row: number, score: number): SearchHit => ({ row, score, terms: [] });
/** Text order: row 0 (1.0), 1 (0.95), 2 (0.9), 3 (0.3). */
const HITS = [hit(0, 1), hit(1, 0.95), hit(2, 0.9), hit(3, 0.3)];
const PRIOR = new Float32Array(4);
/** A visitor with plenty of evidence who likes rows 2 and 3 and not row 0. */
const likes = (strength = 1_000) => ({
  rows: Int32Array.from([0, 1, 2, 3]),
  scores: Float32Array.from([0, 0.5, 1, 1]),
  strength,
});

describe('blendSearch', () => {
  it('keeps the text order for a visitor without history, moving nothing up', () => {
    const out = blendSearch(HITS, null, PRIOR, 4);
    expect(out.map((e) => e.row)).toEqual([0, 1, 2, 3]);
    expect(out.some((e) => e.movedUp)).toBe(false);
  });

  it('lets taste reorder close matches and says which moved up', () => {
    const out = blendSearch(HITS, likes(), PRIOR, 4);
    expect(out.map((e) => e.row)).toEqual([2, 1, 0, 3]);
    expect(out.map((e) => e.movedUp)).toEqual([true, false, false, false]);
  });

  it('never lifts a weak match past a much better one', () => {
    // Row 3 is loved but reads far worse than the others: taste cannot bridge that gap.
    const out = blendSearch(HITS, likes(), PRIOR, 4);
    expect(out.at(-1)?.row).toBe(3);
    expect(1 - 0.3).toBeGreaterThan(TASTE_MARGIN);
  });

  it('moves less while little is known of the visitor', () => {
    const out = blendSearch(HITS, likes(0.1), PRIOR, 4);
    expect(out.map((e) => e.row)).toEqual([0, 1, 2, 3]);
  });

  it('ranks only the matches it is given, at most `count`', () => {
    const out = blendSearch(HITS, likes(), PRIOR, 2);
    expect(out).toHaveLength(2);
    for (const entry of out) expect(HITS.map((h) => h.row)).toContain(entry.row);
  });

  it('breaks ties of text by popularity', () => {
    const tied = [hit(0, 1), hit(1, 1)];
    const out = blendSearch(tied, null, Float32Array.from([0.1, 0.9]), 2);
    expect(out.map((e) => e.row)).toEqual([1, 0]);
  });
});

describe('reachable', () => {
  it('keeps the matches taste could still bring into the first places', () => {
    const near = 0.9 - TASTE_MARGIN + 0.05;
    const hits = [hit(0, 1), hit(1, 0.9), hit(2, near), hit(3, near - 0.1), hit(4, 0.1)];
    expect(reachable(hits, 2, 100).map((h) => h.row)).toEqual([0, 1, 2]);
    expect(reachable(hits, 5, 100)).toHaveLength(5);
    expect(reachable(hits, 2, 2)).toHaveLength(2);
  });
});
