import { inverse, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { Ease } from './ease';

/** B from its definition, with a dense items × items inverse. */
function denseB(items: number, rows: number[][], lambda: number): Matrix {
  const x = new Matrix(rows.length, items);
  rows.forEach((row, u) => {
    for (const i of row) x.set(u, i, 1);
  });
  const p = inverse(
    x
      .transpose()
      .mmul(x)
      .add(Matrix.eye(items, items, lambda)),
  );
  const b = new Matrix(items, items);
  for (let i = 0; i < items; i++) {
    for (let j = 0; j < items; j++) b.set(i, j, (i === j ? 1 : 0) - p.get(i, j) / p.get(j, j));
  }
  return b;
}

function randomRows(users: number, items: number, per: number, seed: number): number[][] {
  const random = seededRandom(seed);
  // Item 0 is never used: its column and row of B are zero.
  return Array.from({ length: users }, () =>
    Array.from({ length: per }, () => 1 + Math.floor(random() * (items - 1))),
  );
}

describe('EASE', () => {
  it.each([
    ['more users than items (direct inverse)', 40, 12],
    ['more items than users (users × users inverse)', 8, 30],
  ])('matches B = I − P·diag(1/diag P) with %s', (_, users, items) => {
    const rows = randomRows(users, items, 4, users);
    const b = denseB(
      items,
      rows.map((r) => [...new Set(r)]),
      5,
    );
    const ease = new Ease(items, rows, 5);
    const liked = [1, 3, 3, 7];
    const scores = ease.scores(liked);
    for (let j = 0; j < items; j++) {
      const expected = [...new Set(liked)].reduce((sum, i) => sum + b.get(i, j), 0);
      expect(scores[j]).toBeCloseTo(expected, 4);
    }
    expect(scores[0]).toBeCloseTo(0, 9);
  });
});
