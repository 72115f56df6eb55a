import { inverse, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { easeTopK, topPositive } from './ease-topk';

function rowOf(model: ReturnType<typeof easeTopK>, i: number): [number, number][] {
  const out: [number, number][] = [];
  for (let at = model.start[i] ?? 0; at < (model.start[i + 1] ?? 0); at++) {
    out.push([model.cols[at] ?? -1, model.vals[at] ?? NaN]);
  }
  return out;
}

describe('easeTopK', () => {
  it('gives the hand-computed B of a two-item log', () => {
    // Users {0,1}, {0,1}, {0}; item 2 unused. XᵀX + 1·I = [[4,2],[2,3]], P = [[3,−2],[−2,4]]/8,
    // so B₀₁ = −P₀₁/P₁₁ = 1/2 and B₁₀ = −P₁₀/P₀₀ = 2/3; the diagonal and item 2 stay empty.
    const model = easeTopK(3, [[0, 1], [0, 1], [0]], 1, 5);
    expect(model.rows).toBe(3);
    const [[col01, b01]] = rowOf(model, 0) as [[number, number]];
    const [[col10, b10]] = rowOf(model, 1) as [[number, number]];
    expect(col01).toBe(1);
    expect(b01).toBeCloseTo(0.5, 6);
    expect(col10).toBe(0);
    expect(b10).toBeCloseTo(2 / 3, 6);
    expect(rowOf(model, 2)).toEqual([]);
  });

  it('keeps the k largest positive entries of each row of the dense B, largest first', () => {
    const random = seededRandom(4);
    const items = 12;
    const users = Array.from({ length: 30 }, () => [
      ...new Set(Array.from({ length: 4 }, () => Math.floor(random() * items))),
    ]);
    const lambda = 3;
    const x = new Matrix(users.length, items);
    users.forEach((list, u) => {
      list.forEach((i) => x.set(u, i, 1));
    });
    const p = inverse(
      x
        .transpose()
        .mmul(x)
        .add(Matrix.eye(items, items, lambda)),
    );
    const k = 3;
    const model = easeTopK(items, users, lambda, k);
    for (let i = 0; i < items; i++) {
      const dense = Array.from({ length: items }, (_, j) => ({
        col: j,
        val: i === j ? 0 : -p.get(i, j) / p.get(j, j),
      }))
        .filter((e) => e.val > 0)
        .sort((a, b) => b.val - a.val)
        .slice(0, k);
      const sparse = rowOf(model, i);
      expect(sparse.map(([col]) => col)).toEqual(dense.map((e) => e.col));
      sparse.forEach(([, val], n) => {
        expect(val).toBeCloseTo(dense[n]?.val ?? NaN, 4);
      });
    }
  });

  it('covers only the given items when the regression is capped', () => {
    const model = easeTopK(
      4,
      [
        [0, 1, 2],
        [0, 1, 3],
        [1, 2, 3],
      ],
      1,
      5,
      [0, 1],
    );
    expect(rowOf(model, 2)).toEqual([]);
    expect(rowOf(model, 3)).toEqual([]);
    for (const i of [0, 1]) for (const [col] of rowOf(model, i)) expect([0, 1]).toContain(col);
  });
});

describe('topPositive', () => {
  it('drops the item itself, zeros and negatives, and breaks ties by column', () => {
    const row = Float32Array.from([5, -1, 0, 2, 2, 9, 1]);
    expect(topPositive(row, 3, 5)).toEqual([
      { col: 0, val: 5 },
      { col: 3, val: 2 },
      { col: 4, val: 2 },
    ]);
  });

  it('trims long rows to k', () => {
    const row = Float32Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const top = topPositive(row, 5, -1);
    expect(top.map((e) => e.val)).toEqual([999, 998, 997, 996, 995]);
  });
});
