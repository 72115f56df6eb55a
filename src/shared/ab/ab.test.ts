import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { signTest } from './sign-test';
import { credit, emptyTally, readTally, verdict } from './tally';
import { interleaveFeed, teamDraft } from './team-draft';

describe('teamDraft', () => {
  it('draws each team’s best remaining item in turn, never one twice, balanced', () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [2, 7, 1, 8, 9, 3];
    for (let seed = 0; seed < 50; seed++) {
      const { items, teams } = teamDraft(a, b, 6, seededRandom(seed));
      expect(new Set(items).size).toBe(6);
      const picks = { a: 0, b: 0 };
      items.forEach((item, i) => {
        const team = teams[i] ?? 'a';
        picks[team] += 1;
        // The picked item is the team's highest-ranked one not shown before it.
        const before = new Set(items.slice(0, i));
        const mine = team === 'a' ? a : b;
        expect(item).toBe(mine.find((x) => !before.has(x)));
        // After every pair of picks, both teams have picked the same number of items.
        if (i % 2 === 1) expect(picks.a).toBe(picks.b);
      });
    }
  });

  it('gives either team the first pick about half the time', () => {
    const random = seededRandom(7);
    let first = 0;
    for (let i = 0; i < 2000; i++) if (teamDraft([1], [2], 2, random).teams[0] === 'a') first += 1;
    expect(first / 2000).toBeGreaterThan(0.45);
    expect(first / 2000).toBeLessThan(0.55);
  });

  it('fills from the other ranking when one runs out, and stops when both do', () => {
    expect(teamDraft([1], [1, 2, 3], 5, () => 0).items).toEqual([1, 2, 3]);
    expect(teamDraft([], [], 3, () => 0).items).toEqual([]);
  });
});

describe('interleaveFeed', () => {
  const listed = (indices: number[], placed: number[] = []) =>
    indices.map((index) => ({
      index,
      ...(placed.includes(index) ? { placed: true as const } : {}),
    }));

  it('adds what the first list placed and the draft left out, teamless, in place of the last picks', () => {
    // Item 6 is the first list's exploration slot, at its end: a draft of five never reaches it.
    const a = listed([1, 2, 3, 4, 5, 6], [6]);
    const b = listed([7, 8, 9, 10, 11, 12]);
    for (let seed = 0; seed < 20; seed++) {
      const { items, teams } = interleaveFeed(a, b, 5, seededRandom(seed));
      const drafted = teamDraft([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], 5, seededRandom(seed));
      expect(items.map((r) => r.index)).toEqual([...drafted.items.slice(0, 4), 6]);
      expect(teams).toEqual([...drafted.teams.slice(0, 4), null]);
    }
  });

  it('interleaves a long feed page by page: each page shows the placed items of the first list on that page', () => {
    // Two pages of ten: the first list placed items 9 and 10 (its first page's floor and
    // exploration slot) and 19 and 20 (its second page's).
    const a = listed(
      Array.from({ length: 20 }, (_, i) => i + 1),
      [9, 10, 19, 20],
    );
    const b = listed(Array.from({ length: 20 }, (_, i) => i + 101));
    for (let seed = 0; seed < 20; seed++) {
      const { items, teams } = interleaveFeed(a, b, 20, seededRandom(seed));
      const indices = items.map((r) => r.index);
      expect(new Set(indices).size).toBe(20);
      expect(indices.slice(0, 10)).toEqual(expect.arrayContaining([9, 10]));
      expect(indices.slice(10)).toEqual(expect.arrayContaining([19, 20]));
      // Placed items the draft did not pick are credited to neither; the rest keep a team,
      // and both teams still get the same share of the drafted places.
      const credited = teams.filter((t) => t !== null);
      expect(teams.filter((t) => t === null)).toHaveLength(20 - credited.length);
      expect(
        Math.abs(
          credited.filter((t) => t === 'a').length - credited.filter((t) => t === 'b').length,
        ),
      ).toBeLessThanOrEqual(1);
      // What page one gave up to its placed items is drafted on page two: both lists' first
      // five (their picks on a page of ten) are all shown.
      expect(indices).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 101, 102, 103, 104, 105]));
    }
  });

  it('keeps the team of a placed item the draft picked anyway', () => {
    // Item 1 was placed (an interest's floor) at the top of the first list: its draft picks it.
    const a = listed([1, 2, 3], [1]);
    const { items, teams } = interleaveFeed(a, listed([1, 4, 5]), 4, () => 0);
    expect(items.map((r) => r.index)).toEqual([1, 4, 2, 5]);
    expect(teams).toEqual(['a', 'b', 'a', 'b']);
  });
});

describe('signTest', () => {
  it('matches exact binomial tails', () => {
    expect(signTest(0, 0)).toBe(1);
    expect(signTest(6, 0)).toBeCloseTo(2 / 64, 10);
    expect(signTest(5, 5)).toBe(1);
    // P(X ≤ 2) for n = 10: (1 + 10 + 45) / 1024, doubled.
    expect(signTest(8, 2)).toBeCloseTo((2 * 56) / 1024, 10);
    expect(signTest(2, 8)).toBeCloseTo(signTest(8, 2), 12);
    // Large n stays finite.
    expect(signTest(2600, 2400)).toBeGreaterThan(0);
    expect(signTest(2600, 2400)).toBeLessThan(0.01);
  });
});

describe('tally', () => {
  it('settles only once the sign test says so', () => {
    let tally = emptyTally(1);
    for (let i = 0; i < 5; i++) tally = credit(tally, 'b');
    expect(verdict(tally).winner).toBeNull(); // 5–0: p = 0.0625
    tally = credit(tally, 'b');
    expect(verdict(tally)).toMatchObject({ winner: 'b' }); // 6–0: p ≈ 0.031
    expect(verdict({ a: 9, b: 5, since: 1 }).winner).toBeNull();
  });

  it('reads a damaged stored tally as a new one', () => {
    expect(readTally({ a: -1, b: 2, since: 5 }, 9)).toEqual({ a: 0, b: 0, since: 9 });
    expect(readTally('x', 9)).toEqual({ a: 0, b: 0, since: 9 });
    expect(readTally({ a: 3, b: 2, since: 5 }, 9)).toEqual({ a: 3, b: 2, since: 5 });
  });
});
