import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import {
  compactMatrix,
  compactRows,
  copyRow,
  denseMatrix,
  dot,
  matrixBytes,
  matrixForm,
  normalize,
  row,
  rowDot,
  rowsDot,
  similarities,
  textVectors,
  weightedSum,
  type ItemMatrix,
} from './matrix';

function randomMatrix(rows: number, dims: number, seed: number, sparse = false): ItemMatrix {
  const random = seededRandom(seed);
  const data = new Float32Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    const v = data.subarray(r * dims, (r + 1) * dims);
    for (let i = 0; i < dims; i++) v[i] = sparse && random() < 0.95 ? 0 : random() - 0.5;
    normalize(v);
  }
  return { rows, dims, data };
}

describe('compact item matrix', () => {
  const dense = randomMatrix(200, 64, 3);
  const compact = compactMatrix(dense);

  it('holds int8 codes and one scale per row: about a quarter of the bytes', () => {
    expect(matrixForm(compact)).toBe('int8');
    expect(compact.scales?.length).toBe(200);
    expect(matrixBytes(compact)).toBe(200 * 64 + 200 * 4);
    expect(matrixBytes(dense)).toBe(200 * 64 * 4);
    expect(compactMatrix(compact)).toBe(compact);
  });

  it('keeps every dot product within 1 % of the fp32 one', () => {
    const query = row(dense, 5).slice();
    const exact = similarities(dense, query);
    const approx = similarities(compact, query);
    for (let r = 0; r < 200; r++) {
      expect(Math.abs((approx[r] ?? 0) - (exact[r] ?? 0))).toBeLessThan(0.01);
      expect(rowDot(compact, r, query)).toBeCloseTo(approx[r] ?? 0, 5);
      expect(Math.abs(rowsDot(compact, r, 7) - dot(row(dense, r), row(dense, 7)))).toBeLessThan(
        0.01,
      );
    }
    const back = denseMatrix(compact);
    for (let i = 0; i < back.data.length; i++) {
      expect(Math.abs((back.data[i] ?? 0) - (dense.data[i] ?? 0))).toBeLessThan(0.01);
    }
  });

  it('scans a sparse query through its non-zero dims with the same result', () => {
    const sparse = randomMatrix(300, 256, 11, true);
    const query = row(sparse, 4).slice();
    const nonZero = query.filter((x) => x !== 0).length;
    expect(nonZero).toBeLessThan(64);
    const scanned = similarities(compactMatrix(sparse), query);
    for (let r = 0; r < 300; r++) {
      let full = 0;
      for (let i = 0; i < 256; i++) full += (sparse.data[r * 256 + i] ?? 0) * (query[i] ?? 0);
      expect(Math.abs((scanned[r] ?? 0) - full)).toBeLessThan(0.01);
    }
    const rows = Int32Array.from([9, 4, 2]);
    const all = similarities(sparse, query);
    expect([...similarities(sparse, query, rows)]).toEqual([...rows].map((r) => all[r] ?? 0));
  });

  it('builds row by row, keeps zero rows zero, and sums weighted rows', () => {
    const built = compactRows(3, 4, (r, out) => {
      if (r !== 1) out[r] = 2;
    });
    expect([...row(built, 0)]).toEqual([2, 0, 0, 0]);
    expect([...row(built, 1)]).toEqual([0, 0, 0, 0]);
    expect([
      ...weightedSum(built, [
        { index: 0, weight: 1 },
        { index: 2, weight: -0.5 },
      ]),
    ]).toEqual([2, 0, -1, 0]);
  });

  it('keeps a mostly-zero matrix sparse, and every helper agrees with the dense form', () => {
    const source = randomMatrix(400, 512, 21, true);
    const sparse = compactMatrix(source);
    expect(matrixForm(sparse)).toBe('int8-sparse');
    expect(matrixBytes(sparse)).toBeLessThan((400 * 512) / 2);
    const dense = compactMatrix(randomMatrix(401, 512, 5));
    expect(matrixForm(dense)).toBe('int8');
    const reference = denseMatrix(sparse);
    const query = row(source, 3).slice();
    const bySparse = similarities(sparse, query);
    const byReference = similarities(reference, query);
    for (let r = 0; r < 400; r += 7) {
      expect(bySparse[r]).toBeCloseTo(byReference[r] ?? 0, 5);
      expect(rowDot(sparse, r, query)).toBeCloseTo(byReference[r] ?? 0, 5);
      expect(rowsDot(sparse, r, 3)).toBeCloseTo(dot(row(reference, r), row(reference, 3)), 5);
      expect([...row(sparse, r)]).toEqual([...row(reference, r)]);
    }
    expect([...weightedSum(sparse, [{ index: 1, weight: 2 }])]).toEqual(
      [...row(reference, 1)].map((x) => 2 * x),
    );
    // The head's padding row (one past the last) reads as zero in every form.
    for (const m of [
      sparse,
      source,
      { ...dense, rows: 400, data: dense.data.slice(0, 400 * 512) },
    ]) {
      expect(rowDot(m, 400, query)).toBe(0);
      expect(rowsDot(m, 400, 3)).toBe(0);
      const out = new Float32Array(512).fill(9);
      copyRow(m, 400, out, 0);
      expect(out.every((x) => x === 0)).toBe(true);
    }
  });

  it('scales rows to unit length when asked, with the same codes', () => {
    const fill = (r: number, out: Float32Array) => {
      out[r] = 3;
      out[r + 1] = 4;
    };
    const plain = compactRows(2, 8, fill);
    const unit = compactRows(2, 8, fill, true);
    expect([...unit.data]).toEqual([...plain.data]);
    for (let r = 0; r < 2; r++) expect(rowsDot(unit, r, r)).toBeCloseTo(1, 2);
    expect(row(unit, 0)[1]).toBeCloseTo(0.8, 2);
  });

  it('splits the text columns off a combined matrix, unit length again', () => {
    const combined = compactMatrix({ rows: 1, dims: 4, data: Float32Array.from([0.6, 0, 0.8, 0]) });
    const text = textVectors(combined, 2);
    expect(text[0]).toBeCloseTo(1, 5);
    expect(text[1]).toBe(0);
  });
});
