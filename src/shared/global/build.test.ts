import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../eval/log';
import { seededRandom } from '../random';
import { buildGlobalModel, LAMBDA_GRID, userLists } from './build';

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
});
