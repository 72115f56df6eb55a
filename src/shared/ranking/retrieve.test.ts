import { describe, expect, it } from 'vitest';
import type { ItemSignal } from '../interactions/signals';
import { seededRandom } from '../random';
import { normalize, row as matrixRow, similarities, type ItemMatrix } from './matrix';
import { profileVector } from './personal';
import { retrieve, topK } from './retrieve';

function randomMatrix(rows: number, dims: number, seed = 1): ItemMatrix {
  const random = seededRandom(seed);
  const data = new Float32Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    const v = data.subarray(r * dims, (r + 1) * dims);
    for (let d = 0; d < dims; d++) v[d] = random() - 0.5;
    normalize(v);
  }
  return { rows, dims, data };
}

const signal = (index: number, weight: number): ItemSignal =>
  ({ index, weight, engaged: true, purchased: false, disliked: weight < 0 }) as ItemSignal;

describe('topK', () => {
  it('returns the rows of the k largest scores, best first, as a full sort would', () => {
    const random = seededRandom(3);
    const scores = Float32Array.from({ length: 5000 }, () => random());
    const expected = [...scores.keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
    expect([...topK(scores, 100)]).toEqual(expected.slice(0, 100));
    expect([...topK(scores.subarray(0, 3), 10)]).toEqual(expected.filter((i) => i < 3));
  });

  it('breaks ties by the lower row, so a shorter list is a prefix of a longer one', () => {
    const random = seededRandom(5);
    // Whole-number scores, as popularity counts are: many ties at every cut.
    const scores = Float32Array.from({ length: 20_000 }, () => Math.floor(random() * 40));
    const order = [...scores.keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
    const longest = [...topK(scores, 3000)];
    expect(longest).toEqual(order.slice(0, 3000));
    for (const k of [1, 7, 500, 505, 2999]) {
      expect([...topK(scores, k)], `k ${k}`).toEqual(longest.slice(0, k));
    }
  });
});

describe('retrieve', () => {
  it('ranks a small catalogue whole', () => {
    const matrix = randomMatrix(50, 8);
    expect(retrieve({ matrix, prior: new Float32Array(50), signals: [] }, 100)).toBeUndefined();
  });

  it('keeps the best matches of the profile and the most popular items', () => {
    const rows = 3000;
    const matrix = randomMatrix(rows, 16);
    const prior = Float32Array.from({ length: rows }, (_, i) => (i % 97 === 0 ? 1 : 0));
    const signals = [signal(10, 3), signal(20, 1), signal(30, -2)];
    const candidates = retrieve({ matrix, prior, signals }, 400);
    expect(candidates).toBeDefined();
    const picked = new Set(candidates);
    expect(picked.size).toBe(400);
    // Every popular item (31 of them) is a candidate.
    for (let i = 0; i < rows; i += 97) expect(picked.has(i)).toBe(true);
    // So is each of the 300 rows (the rest of the room) most like the profile: liked minus
    // disliked, the direction scored.
    const profile = profileVector(signals, matrix) ?? new Float32Array(16);
    for (const row of topK(similarities(matrix, profile), 300)) {
      expect(picked.has(row)).toBe(true);
    }
    expect([...(candidates ?? [])]).toEqual([...(candidates ?? [])].sort((a, b) => a - b));
  });

  it('gives a new visitor the most popular items, and a query its best matches', () => {
    const rows = 3000;
    const matrix = randomMatrix(rows, 16, 9);
    const prior = Float32Array.from({ length: rows }, (_, i) => i / rows);
    const cold = retrieve({ matrix, prior, signals: [] }, 100);
    expect([...(cold ?? [])]).toEqual(Array.from({ length: 100 }, (_, i) => rows - 100 + i));
    const focus = matrixRow(matrix, 7).slice();
    const searched = new Set(retrieve({ matrix, prior, signals: [], focus }, 100));
    for (const row of topK(similarities(matrix, focus), 75)) expect(searched.has(row)).toBe(true);
  });

  it('makes the items the global model scores best candidates, for a feed but not a query', () => {
    const rows = 3000;
    const matrix = randomMatrix(rows, 16, 5);
    const prior = Float32Array.from({ length: rows }, (_, i) => (i % 97 === 0 ? 1 : 0));
    const signals = [signal(10, 3)];
    // 90 rows the global model scores (less than its quarter of the room), none popular.
    const boosted = Array.from({ length: 90 }, (_, n) => 1 + n * 31).filter((i) => i % 97 !== 0);
    const global = new Float32Array(rows);
    boosted.forEach((row, n) => {
      global[row] = 1 + n;
    });
    const feed = new Set(retrieve({ matrix, prior, signals, global }, 400));
    expect(feed.size).toBe(400);
    for (const row of boosted) expect(feed.has(row)).toBe(true);
    const without = new Set(retrieve({ matrix, prior, signals }, 400));
    expect(boosted.filter((row) => !without.has(row)).length).toBeGreaterThan(60);
    const focus = matrixRow(matrix, 7).slice();
    const searched = new Set(retrieve({ matrix, prior, signals, global, focus }, 400));
    expect(boosted.filter((row) => !searched.has(row)).length).toBeGreaterThan(60);
  });
});
