/** Row-major item vectors: row i is item i's unit-length embedding. */
export interface ItemMatrix {
  readonly rows: number;
  readonly dims: number;
  readonly data: Float32Array;
}

/** Row `index` of the matrix as a view (no copy). */
export function row(matrix: ItemMatrix, index: number): Float32Array {
  return matrix.data.subarray(index * matrix.dims, (index + 1) * matrix.dims);
}

/** Dot product of two equal-length vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Scales a vector to unit length in place; a zero vector stays zero. */
export function normalize(v: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(v, v));
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / norm;
  return v;
}

/**
 * Matrix × vector: the similarity of every row to `v` (cosine when both are unit length), or of
 * the given rows only, in their order.
 */
export function similarities(matrix: ItemMatrix, v: Float32Array, rows?: Int32Array): Float32Array {
  const count = rows ? rows.length : matrix.rows;
  const out = new Float32Array(count);
  const { data, dims } = matrix;
  for (let k = 0; k < count; k++) {
    const offset = (rows ? (rows[k] ?? 0) : k) * dims;
    let sum = 0;
    for (let i = 0; i < dims; i++) sum += (data[offset + i] ?? 0) * (v[i] ?? 0);
    out[k] = sum;
  }
  return out;
}

/** Weighted sum of rows: Σ weight · row(index). */
export function weightedSum(
  matrix: ItemMatrix,
  terms: readonly { index: number; weight: number }[],
): Float32Array {
  const out = new Float32Array(matrix.dims);
  for (const { index, weight } of terms) {
    const r = row(matrix, index);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) + weight * (r[i] ?? 0);
  }
  return out;
}
