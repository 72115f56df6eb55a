import { describe, expect, it } from 'vitest';
import type { ItemSignal } from '../interactions/signals';
import { variedSource } from './explain';
import type { ItemMatrix } from './matrix';

/** Rows 0–2: history items; rows 3–6: candidates close to all of them (row 2 the weakest). */
const matrix: ItemMatrix = {
  rows: 7,
  dims: 2,
  data: Float32Array.from([1, 0, 0.8, 0.6, 0, 1, 0.9, 0.44, 0.9, 0.44, 0.9, 0.44, 0.9, 0.44]),
};
const signal = (index: number, weight: number): ItemSignal => ({
  index,
  weight,
  lastTs: 0,
  strongest: index === 0 ? 'purchase' : 'like',
  purchased: index === 0,
  disliked: false,
  engaged: true,
});

describe('variedSource', () => {
  it('names the strongest source first, then others that explain the item at least a quarter as well', () => {
    const signals = [signal(0, 8), signal(1, 6), signal(2, 1)];
    const used = new Map<number, number>();
    const named = [3, 4, 5, 6].map((c) => variedSource(c, signals, matrix, used)?.index);
    // Row 2 explains the candidates far less than a quarter as well as row 0: never named.
    expect(named).toEqual([0, 1, 0, 1]);
  });

  it('names nothing for a candidate no positive signal explains', () => {
    expect(variedSource(3, [signal(2, -4)], matrix, new Map())).toBeNull();
  });

  it('names only sources of a kind with the strongest one', () => {
    const signals = [signal(0, 8), signal(1, 6)];
    const used = new Map<number, number>();
    const apart = (a: number, b: number) => a === b;
    const named = [3, 4].map((c) => variedSource(c, signals, matrix, used, apart)?.index);
    expect(named).toEqual([0, 0]);
  });
});
