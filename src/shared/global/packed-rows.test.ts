import { describe, expect, it } from 'vitest';
import { CODE_MAX, packRows, quantizeRows, unpackRows } from './packed-rows';
import { fromRowLists, type SparseRows } from './sparse-rows';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Rows of up to k distinct columns among `items`, values largest first as easeTopK gives. */
function randomModel(items: number, rows: number, k: number, seed: number): SparseRows {
  const next = random(seed);
  const lists = Array.from({ length: rows }, () => {
    const cols = new Set<number>();
    const count = Math.floor(next() * (k + 1));
    while (cols.size < count) cols.add(Math.floor(next() * items));
    return [...cols]
      .map((col) => ({ col, val: (next() - 0.2) * 10 ** (3 * next() - 2) }))
      .sort((a, b) => b.val - a.val);
  });
  const model = fromRowLists(lists, k);
  return { ...model, rows: items, start: padStart(model.start, items) };
}

/** Rows past the generated ones are empty. */
function padStart(start: Uint32Array, rows: number): Uint32Array {
  const out = new Uint32Array(rows + 1);
  out.set(start);
  out.fill(start[start.length - 1] ?? 0, start.length);
  return out;
}

const fail = (why: string): never => {
  throw new Error(why);
};

/** The first place two arrays differ (Object.is), −1 when they are the same: cheap on 5M rows. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function roundTrip(model: SparseRows) {
  const bytes = packRows(model);
  const read = unpackRows(
    bytes,
    { rows: model.rows, k: model.k, entries: model.cols.length },
    fail,
  );
  return { bytes, read };
}

describe('packed model rows', () => {
  it('read back exactly as quantizeRows stores them, columns ascending in each row', () => {
    for (const [items, seed] of [
      [300, 1],
      [70_000, 2], // gaps of three varint bytes
      [5_000_000, 3], // columns past 2^21: four bytes
    ] as const) {
      const model = randomModel(items, 200, 40, seed);
      const { read } = roundTrip(model);
      const stored = quantizeRows(model);
      expect(firstDifference(read.start, model.start)).toBe(-1);
      expect(firstDifference(read.cols, stored.cols)).toBe(-1);
      expect(firstDifference(read.vals, stored.vals)).toBe(-1);
      for (let i = 0; i < 200; i++) {
        const cols = read.cols.subarray(read.start[i], read.start[i + 1]);
        expect(cols.every((col, j) => j === 0 || col > (cols[j - 1] ?? 0))).toBe(true);
      }
    }
  });

  it('keeps each entry within half a step of its row grid, and stores a stored model unchanged', () => {
    const model = randomModel(1_000, 1_000, 50, 4);
    const stored = quantizeRows(model);
    const original = new Map<string, number>();
    for (let i = 0; i < model.rows; i++) {
      for (let at = model.start[i] ?? 0; at < (model.start[i + 1] ?? 0); at++) {
        original.set(`${i}:${model.cols[at]}`, model.vals[at] ?? 0);
      }
    }
    for (let i = 0; i < stored.rows; i++) {
      const from = stored.start[i] ?? 0;
      const to = stored.start[i + 1] ?? 0;
      const values = Array.from(stored.vals.subarray(from, to));
      const scale = Math.max(0, ...values.map(Math.abs));
      for (let at = from; at < to; at++) {
        const before = original.get(`${i}:${stored.cols[at]}`) ?? NaN;
        expect(Math.abs((stored.vals[at] ?? 0) - before)).toBeLessThanOrEqual(
          (0.5 + 1e-6) * (scale / CODE_MAX),
        );
      }
    }
    const again = quantizeRows(stored);
    expect(Array.from(again.vals)).toEqual(Array.from(stored.vals));
    expect(Array.from(again.cols)).toEqual(Array.from(stored.cols));
  });

  it('takes under 3 bytes an entry for 50 entries a row on a 10k-item catalogue', () => {
    const model = randomModel(10_000, 10_000, 50, 5);
    const { bytes } = roundTrip(model);
    expect(bytes.byteLength / model.cols.length).toBeLessThan(3);
  });

  it('refuses a model that holds a column twice in a row, or a value that is not a number', () => {
    const twice = fromRowLists(
      [
        [
          { col: 1, val: 1 },
          { col: 1, val: 2 },
        ],
        [],
      ],
      2,
    );
    expect(() => packRows(twice)).toThrow(/column twice/);
    const notANumber = fromRowLists([[{ col: 1, val: NaN }], []], 2);
    expect(() => packRows(notANumber)).toThrow(/not a number/);
  });

  it('reads rows of zeros and empty rows', () => {
    const model = fromRowLists([[{ col: 2, val: 0 }], [], [{ col: 0, val: -3 }]], 1);
    const { read } = roundTrip(model);
    expect(Array.from(read.vals)).toEqual([0, -3]);
    expect(Array.from(read.cols)).toEqual([2, 0]);
  });
});
