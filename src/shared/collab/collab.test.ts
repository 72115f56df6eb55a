import { describe, expect, it } from 'vitest';
import { dot, row } from '../ranking/matrix';
import { combineVectors, padVector } from './combine';
import { factorizeCooccurrence } from './factorize';

/** Two communities: users 0–9 use items 0–4, users 10–19 use items 5–9; item 10 is unused. */
function twoCommunities() {
  const pairs: { user: number; item: number }[] = [];
  for (let user = 0; user < 20; user++) {
    const base = user < 10 ? 0 : 5;
    for (let k = 0; k < 3; k++) pairs.push({ user, item: base + ((user + k) % 5) });
  }
  return { users: 20, items: 11, pairs };
}

describe('co-occurrence factorisation', () => {
  it('puts items used by the same people close together and others apart', () => {
    const factors = factorizeCooccurrence(twoCommunities(), { dims: 4, seed: 3 });
    const m = { rows: 11, dims: factors.dims, data: factors.data };
    expect(dot(row(m, 0), row(m, 1))).toBeGreaterThan(0.5);
    expect(dot(row(m, 5), row(m, 6))).toBeGreaterThan(0.5);
    expect(Math.abs(dot(row(m, 0), row(m, 5)))).toBeLessThan(0.2);
    expect(factors.explained).toBeGreaterThan(0.5);
    expect(factors.explained).toBeLessThanOrEqual(1.0001);
  });

  it('gives unit rows to used items and a zero row to an unused one', () => {
    const factors = factorizeCooccurrence(twoCommunities(), { dims: 4 });
    const m = { rows: 11, dims: factors.dims, data: factors.data };
    expect(dot(row(m, 3), row(m, 3))).toBeCloseTo(1, 5);
    expect(Array.from(row(m, 10)).every((v) => v === 0)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const a = factorizeCooccurrence(twoCommunities(), { dims: 3, seed: 9 });
    const b = factorizeCooccurrence(twoCommunities(), { dims: 3, seed: 9 });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });
});

describe('combining text and collaborative vectors', () => {
  const text = { rows: 2, dims: 2, data: Float32Array.from([1, 0, 0.6, 0.8]) };
  const collab = { rows: 2, dims: 1, data: Float32Array.from([1, 0]) };

  it('weighs the two similarities by the collaborative weight', () => {
    const both = { rows: 2, dims: 1, data: Float32Array.from([1, 1]) };
    const m = combineVectors(text, both, 0.25);
    // 0.75 × cos_text (0.6) + 0.25 × cos_collab (1), within the int8 codes' 1 %
    expect(dot(row(m, 0), row(m, 1))).toBeCloseTo(0.75 * 0.6 + 0.25, 2);
  });

  it('keeps a text query ranking the items as the text vectors alone do', () => {
    const m = combineVectors(text, collab, 0.5);
    const query = padVector(Float32Array.from([0, 1]), m.dims);
    expect(query).toHaveLength(3);
    const scores = [dot(row(m, 0), query), dot(row(m, 1), query)];
    expect(scores[1]).toBeGreaterThan(scores[0] ?? 0);
    expect((scores[1] ?? 0) / Math.SQRT1_2).toBeCloseTo(0.8, 2);
  });

  it('refuses vectors for a different number of items', () => {
    expect(() =>
      combineVectors(text, { rows: 3, dims: 1, data: new Float32Array(3) }, 0.5),
    ).toThrow(/3 collaborative rows for 2 items/);
  });
});
