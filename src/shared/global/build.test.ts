import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../eval/log';
import { seededRandom } from '../random';
import {
  buildGlobalModel,
  LAMBDA_GRID,
  pairedZ,
  RECENCY_TAUS,
  RECENCY_WEIGHTS,
  userLists,
} from './build';

const ids = Array.from({ length: 20 }, (_, i) => `i${i}`);

/** Users who each like 6 items of one of two tastes (items 0–9 or 10–19), a minute apart. */
function twoTastes(users: number, seed = 2): LogEvent[] {
  const random = seededRandom(seed);
  const events: LogEvent[] = [];
  for (let u = 0; u < users; u++) {
    const base = u % 2 === 0 ? 0 : 10;
    for (let n = 0; n < 6; n++) {
      const item = `i${base + Math.floor(random() * 10)}`;
      events.push({ user: `u${u}`, item, type: 'like', ts: n * 60_000 });
    }
    events.push({ user: `u${u}`, item: `i${(base + 10) % 20}`, type: 'dislike', ts: 7 * 60_000 });
  }
  return events;
}

describe('buildGlobalModel', () => {
  it('keeps positive engagement only, once per item, first use first', () => {
    const events: LogEvent[] = [
      { user: 'a', item: 'i3', type: 'view', ts: 3 },
      { user: 'a', item: 'i1', type: 'like', ts: 1 },
      { user: 'a', item: 'i3', type: 'like', ts: 4 },
      { user: 'a', item: 'i2', type: 'dislike', ts: 2 },
      { user: 'a', item: 'i4', type: 'impression', ts: 5 },
      { user: 'a', item: 'gone', type: 'like', ts: 6 },
    ];
    expect(userLists(ids, events)).toEqual([[1, 3]]);
    const again: LogEvent[] = [
      { user: 'a', item: 'i1', type: 'like', ts: 1 },
      { user: 'a', item: 'i2', type: 'like', ts: 2 },
      { user: 'a', item: 'i1', type: 'click', ts: 3 },
    ];
    expect(userLists(ids, again)).toEqual([[1, 2]]);
  });

  it('learns the two tastes with a λ from the grid chosen on held-out items', () => {
    const { model, stats } = buildGlobalModel(ids, twoTastes(200), 5);
    expect(LAMBDA_GRID).toContain(stats.lambda);
    expect(Object.keys(stats.tried).length).toBeGreaterThanOrEqual(3);
    expect(stats).toMatchObject({ users: 200, modelItems: 20, capped: false });
    expect(model.rows).toBe(20);
    for (let i = 0; i < 20; i++) {
      const from = model.start[i] ?? 0;
      const to = model.start[i + 1] ?? 0;
      expect(to - from).toBeGreaterThan(0);
      expect(to - from).toBeLessThanOrEqual(5);
      // Each item's strongest neighbours share its taste.
      for (let at = from; at < to; at++) {
        expect(Math.floor((model.cols[at] ?? 0) / 10)).toBe(Math.floor(i / 10));
      }
    }
  });

  it('weighs recent likes up when the log says what comes next follows the last items', () => {
    // Two kinds of users over the same 20 items in a ring: each walks a few steps from a random
    // start, or jumps at random. Which item comes next depends on the last one for walkers only.
    const random = seededRandom(5);
    const events: LogEvent[] = [];
    for (let u = 0; u < 400; u++) {
      const walker = u % 2 === 0;
      let at = Math.floor(random() * 20);
      const seen = new Set<number>();
      for (let n = 0; n < 10; n++) {
        if (!seen.has(at)) events.push({ user: `u${u}`, item: `i${at}`, type: 'like', ts: n });
        seen.add(at);
        at = walker ? (at + 1) % 20 : Math.floor(random() * 20);
      }
    }
    const { model, stats } = buildGlobalModel(ids, events, 5);
    expect(RECENCY_TAUS).toContain(stats.recency.tau);
    expect(RECENCY_WEIGHTS).toContain(stats.recency.weight);
    expect(model.recency).toEqual(stats.recency);
    // The chosen setting beats the plain sum on the held-out items, and is the best tried.
    const chosen = stats.recencyTried[`${stats.recency.tau}/${stats.recency.weight}`] ?? 0;
    expect(chosen).toBeGreaterThan(stats.recencyTried['1/0'] ?? 1);
    expect(chosen).toBe(Math.max(...Object.values(stats.recencyTried)));
    // Tastes without an order: a setting that does better by chance alone is not kept.
    const plain = buildGlobalModel(ids, twoTastes(200), 5).stats;
    expect(plain.recency.weight).toBe(0);
    expect(Math.max(...Object.values(plain.recencyTried))).toBeGreaterThan(
      plain.recencyTried['1/0'] ?? 1,
    );
  });

  it('measures a paired gain in standard errors', () => {
    expect(pairedZ([1, 1, 1], [0, 0, 0])).toBe(Infinity);
    expect(pairedZ([0, 0], [1, 1])).toBe(0);
    // Gains 1, 0, 1, 0: mean 0.5, sd 0.577, se 0.289: z ≈ 1.73.
    expect(pairedZ([1, 0, 1, 0], [0, 0, 0, 0])).toBeCloseTo(1.732, 3);
    expect(pairedZ([1], [0])).toBe(0);
  });
});
