import { describe, expect, it } from 'vitest';
import { matrixBytes, matrixForm, normalize, row } from '../ranking/matrix';
import { seededRandom } from '../random';
import { compactVectors, decodeVectors, encodeVectors } from './vector-format';

function unitRows(rows: number, dims: number): Float32Array {
  const random = seededRandom(rows * dims);
  const data = Float32Array.from({ length: rows * dims }, () => random() - 0.5);
  for (let r = 0; r < rows; r++) normalize(data.subarray(r * dims, (r + 1) * dims));
  return data;
}

describe('shipped vector files', () => {
  it('reads an int8 file as the compact matrix itself, the same rows as the float reading', () => {
    const rows = 50;
    const dims = 24;
    const file = encodeVectors(unitRows(rows, dims), 'int8');
    const floats = decodeVectors(file.slice().buffer, 'int8', rows, dims);
    const compact = compactVectors(file.slice().buffer, rows, dims);
    expect(matrixForm(compact)).toBe('int8');
    expect(matrixBytes(compact)).toBe(rows * dims + rows * 4);
    for (let r = 0; r < rows; r++) {
      const got = row(compact, r);
      for (let i = 0; i < dims; i++) expect(got[i]).toBeCloseTo(floats[r * dims + i] ?? NaN, 6);
    }
  });

  it('refuses a file whose size does not fit the catalogue, and keeps a zero row zero', () => {
    expect(() => compactVectors(new ArrayBuffer(10), 2, 4)).toThrow(
      /has 10 bytes, but 2 items × 4 dims of int8 need 8/,
    );
    const zero = compactVectors(new Int8Array([0, 0, 3, 4]).buffer, 2, 2);
    expect([...row(zero, 0)]).toEqual([0, 0]);
    expect(row(zero, 1)[0]).toBeCloseTo(0.6, 6);
  });
});
