/**
 * Row-major item vectors: row i is item i's unit-length embedding, in one of three forms.
 * - plain: `data` holds fp32 values (offline tools, tests);
 * - compact: `data` holds int8 codes and row i's values are codes × `scales[i]` (symmetric
 *   per-row quantisation: a quarter of the memory);
 * - sparse compact: as compact, but only the non-zero entries are kept: row i's are
 *   `data[rowStart[i] .. rowStart[i + 1])` at columns `cols[...]`, ascending (hashed lexical
 *   vectors have a few dozen non-zeros of 1,024 dims: a fraction of the memory and the scan).
 * The worker keeps one compact copy of a catalogue's matrix; every reader goes through the
 * helpers below, which handle all three forms.
 */
export interface ItemMatrix {
  readonly rows: number;
  readonly dims: number;
  readonly data: Float32Array | Int8Array;
  /** Per-row scale of the int8 codes; present exactly when `data` is an Int8Array. */
  readonly scales?: Float32Array;
  /** Sparse form only: where each row's non-zeros start in `data` (rows + 1 entries). */
  readonly rowStart?: Int32Array;
  /** Sparse form only: the column of each stored non-zero. */
  readonly cols?: Uint16Array;
}

type Compact = ItemMatrix & { data: Int8Array; scales: Float32Array };
type Sparse = Compact & { rowStart: Int32Array; cols: Uint16Array };

/** True when the matrix holds int8 codes with per-row scales (dense or sparse). */
function isCompact(matrix: ItemMatrix): matrix is Compact {
  return matrix.data instanceof Int8Array && matrix.scales !== undefined;
}

function isSparse(matrix: ItemMatrix): matrix is Sparse {
  return isCompact(matrix) && matrix.rowStart !== undefined && matrix.cols !== undefined;
}

/** The scale of row `index` (1 for a plain matrix, 0 past the last row). */
function scaleOf(matrix: ItemMatrix, index: number): number {
  if (!isCompact(matrix)) return 1;
  return matrix.scales[index] ?? 0;
}

/**
 * Row `index` as fp32: a view (no copy) of a plain matrix, a fresh dequantised copy of a
 * compact one. Treat it as read-only either way.
 */
export function row(matrix: ItemMatrix, index: number): Float32Array {
  const { dims, data } = matrix;
  if (!isCompact(matrix)) {
    return (data as Float32Array).subarray(index * dims, (index + 1) * dims);
  }
  const out = new Float32Array(dims);
  copyRow(matrix, index, out, 0);
  return out;
}

/** Copies row `index` as fp32 into `out` at `at` (dequantised when compact). */
export function copyRow(matrix: ItemMatrix, index: number, out: Float32Array, at: number): void {
  const { dims, data } = matrix;
  if (isSparse(matrix)) {
    out.fill(0, at, at + dims);
    const scale = scaleOf(matrix, index);
    const end = matrix.rowStart[index + 1] ?? 0;
    for (let k = matrix.rowStart[index] ?? end; k < end; k++) {
      out[at + (matrix.cols[k] ?? 0)] = (data[k] ?? 0) * scale;
    }
    return;
  }
  const offset = index * dims;
  if (!isCompact(matrix)) {
    out.set((data as Float32Array).subarray(offset, offset + dims), at);
    // Past the last row (the head's padding row) a view is short: the rest reads as zero.
    const copied = Math.max(0, Math.min(dims, data.length - offset));
    out.fill(0, at + copied, at + dims);
    return;
  }
  const scale = scaleOf(matrix, index);
  for (let i = 0; i < dims; i++) out[at + i] = (data[offset + i] ?? 0) * scale;
}

/** Calls `visit` with each non-zero entry of row `index` (column, fp32 value), in column order. */
export function forEachInRow(
  matrix: ItemMatrix,
  index: number,
  visit: (column: number, value: number) => void,
): void {
  const { dims, data } = matrix;
  const scale = scaleOf(matrix, index);
  if (isSparse(matrix)) {
    const end = matrix.rowStart[index + 1] ?? 0;
    for (let k = matrix.rowStart[index] ?? end; k < end; k++) {
      visit(matrix.cols[k] ?? 0, (data[k] ?? 0) * scale);
    }
    return;
  }
  const offset = index * dims;
  for (let i = 0; i < dims; i++) {
    const value = data[offset + i] ?? 0;
    if (value !== 0) visit(i, value * scale);
  }
}

/** Dot product of row `index` with `v`, without materialising the row. */
export function rowDot(matrix: ItemMatrix, index: number, v: Float32Array): number {
  const { dims, data } = matrix;
  let sum = 0;
  if (isSparse(matrix)) {
    const end = matrix.rowStart[index + 1] ?? 0;
    for (let k = matrix.rowStart[index] ?? end; k < end; k++) {
      sum += (data[k] ?? 0) * (v[matrix.cols[k] ?? 0] ?? 0);
    }
  } else {
    const offset = index * dims;
    for (let i = 0; i < dims; i++) sum += (data[offset + i] ?? 0) * (v[i] ?? 0);
  }
  return sum * scaleOf(matrix, index);
}

/** Dot product of two rows of the same matrix (cosine for unit rows). */
export function rowsDot(matrix: ItemMatrix, a: number, b: number): number {
  const { dims, data } = matrix;
  let sum = 0;
  if (isSparse(matrix)) {
    // Both rows' columns ascend: one merge pass.
    const { rowStart, cols } = matrix;
    let i = rowStart[a] ?? 0;
    let j = rowStart[b] ?? 0;
    const endA = a < matrix.rows ? (rowStart[a + 1] ?? i) : i;
    const endB = b < matrix.rows ? (rowStart[b + 1] ?? j) : j;
    while (i < endA && j < endB) {
      const ca = cols[i] ?? 0;
      const cb = cols[j] ?? 0;
      if (ca === cb) sum += (data[i++] ?? 0) * (data[j++] ?? 0);
      else if (ca < cb) i++;
      else j++;
    }
  } else {
    const oa = a * dims;
    const ob = b * dims;
    for (let i = 0; i < dims; i++) sum += (data[oa + i] ?? 0) * (data[ob + i] ?? 0);
  }
  return sum * scaleOf(matrix, a) * scaleOf(matrix, b);
}

/** Adds weight × row `index` into `out` (length dims). */
export function addRow(out: Float32Array, matrix: ItemMatrix, index: number, weight: number): void {
  const { dims, data } = matrix;
  const w = weight * scaleOf(matrix, index);
  if (isSparse(matrix)) {
    const end = matrix.rowStart[index + 1] ?? 0;
    for (let k = matrix.rowStart[index] ?? end; k < end; k++) {
      const c = matrix.cols[k] ?? 0;
      out[c] = (out[c] ?? 0) + w * (data[k] ?? 0);
    }
    return;
  }
  const offset = index * dims;
  for (let i = 0; i < dims; i++) out[i] = (out[i] ?? 0) + w * (data[offset + i] ?? 0);
}

/**
 * The compact form of a matrix: per row, int8 codes of value / (max |value| / 127). The
 * rounding error of a unit vector's dot product is below about 1 % of the largest entry's
 * share; a compact matrix is returned as it is.
 */
export function compactMatrix(matrix: ItemMatrix): ItemMatrix {
  if (isCompact(matrix)) return matrix;
  return compactRows(matrix.rows, matrix.dims, (r, out) => {
    copyRow(matrix, r, out, 0);
  });
}

/** Below this share of non-zero entries a matrix is kept sparse (3 bytes a non-zero vs 1). */
const SPARSE_SHARE = 0.25;

/**
 * Builds a compact matrix row by row: `fill` writes row r's fp32 values into a scratch row
 * (all zeros before each call), which is quantised at once, so no fp32 copy of the whole matrix
 * ever exists (a million lexical rows would be 4 GB). The result is sparse when few entries are
 * non-zero.
 */
export function compactRows(
  rows: number,
  dims: number,
  fill: (row: number, out: Float32Array) => void,
  /** Scale each row to unit length as well (its codes are the same; only its scale changes). */
  unit = false,
): ItemMatrix {
  const scales = new Float32Array(rows);
  const rowStart = new Int32Array(rows + 1);
  let codes = new Int8Array(Math.max(16, rows * 8));
  let cols = new Uint16Array(codes.length);
  let stored = 0;
  const scratch = new Float32Array(dims);
  // The row's non-zero dims, found in one pass: a sparse row is quantised and cleared through
  // them only (three passes over 1,024 dims per row would dominate a lexical catalogue's index).
  const nonZero = new Int32Array(dims);
  const sparseLimit = dims <= 65_536 ? Math.floor(rows * dims * SPARSE_SHARE) : -1;
  let dense: Int8Array | null = sparseLimit < 0 ? new Int8Array(rows * dims) : null;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = stored;
    fill(r, scratch);
    let max = 0;
    let squares = 0;
    let count = 0;
    for (let i = 0; i < dims; i++) {
      const value = scratch[i] ?? 0;
      if (value === 0) continue;
      nonZero[count++] = i;
      max = Math.max(max, Math.abs(value));
      squares += value * value;
    }
    if (max === 0) continue;
    const scale = max / 127;
    scales[r] = unit ? scale / Math.sqrt(squares) : scale;
    if (!dense && stored + dims > sparseLimit) {
      // Too many non-zeros to gain from the sparse form: switch to dense for good.
      dense = new Int8Array(rows * dims);
      for (let q = 0; q < r; q++) {
        for (let k = rowStart[q] ?? 0; k < (rowStart[q + 1] ?? 0); k++) {
          dense[q * dims + (cols[k] ?? 0)] = codes[k] ?? 0;
        }
      }
    }
    if (dense) {
      const offset = r * dims;
      for (let k = 0; k < count; k++) {
        const i = nonZero[k] ?? 0;
        dense[offset + i] = Math.round((scratch[i] ?? 0) / scale);
        scratch[i] = 0;
      }
      continue;
    }
    if (stored + count > codes.length) {
      const grown = Math.min(sparseLimit + dims, codes.length * 2 + dims);
      codes = grow(codes, new Int8Array(grown));
      cols = grow(cols, new Uint16Array(grown));
    }
    for (let k = 0; k < count; k++) {
      const i = nonZero[k] ?? 0;
      const code = Math.round((scratch[i] ?? 0) / scale);
      scratch[i] = 0;
      if (code === 0) continue;
      codes[stored] = code;
      cols[stored] = i;
      stored += 1;
    }
  }
  if (dense) return { rows, dims, data: dense, scales };
  rowStart[rows] = stored;
  return {
    rows,
    dims,
    data: codes.slice(0, stored),
    cols: cols.slice(0, stored),
    rowStart,
    scales,
  };
}

function grow<T extends Int8Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The plain fp32 form (a copy for a compact matrix, the matrix itself otherwise). */
export function denseMatrix(matrix: ItemMatrix): ItemMatrix & { data: Float32Array } {
  if (!isCompact(matrix)) return matrix as ItemMatrix & { data: Float32Array };
  const { rows, dims } = matrix;
  const out = new Float32Array(rows * dims);
  for (let r = 0; r < rows; r++) copyRow(matrix, r, out, r * dims);
  return { rows, dims, data: out };
}

/** Bytes the matrix holds (codes, columns, offsets and scales, or fp32 values). */
export function matrixBytes(matrix: ItemMatrix): number {
  return (
    matrix.data.byteLength +
    (matrix.scales?.byteLength ?? 0) +
    (matrix.rowStart?.byteLength ?? 0) +
    (matrix.cols?.byteLength ?? 0)
  );
}

/** Which of the three forms a matrix is in (for diagnostics and benchmarks). */
export function matrixForm(matrix: ItemMatrix): 'fp32' | 'int8' | 'int8-sparse' {
  if (isSparse(matrix)) return 'int8-sparse';
  return isCompact(matrix) ? 'int8' : 'fp32';
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

/** Below this share of non-zero entries a query is scanned through its non-zero dims only. */
const SPARSE_QUERY_SHARE = 0.25;

/**
 * Matrix × vector: the similarity of every row to `v` (cosine when both are unit length), or of
 * the given rows only, in their order. A sparse matrix reads each row's non-zeros; a sparse `v`
 * (a lexical query) reads only its non-zero dims of a dense row.
 */
export function similarities(
  matrix: ItemMatrix,
  v: Float32Array,
  rows?: Int32Array,
  /** Where to write (at least as long as the result), instead of a new array. */
  into?: Float32Array,
): Float32Array {
  const count = rows ? rows.length : matrix.rows;
  const out = into ?? new Float32Array(count);
  if (isSparse(matrix)) {
    for (let k = 0; k < count; k++) out[k] = rowDot(matrix, rows ? (rows[k] ?? 0) : k, v);
    return out;
  }
  const { data, dims } = matrix;
  const scales = isCompact(matrix) ? matrix.scales : null;
  const nonZero = nonZeroDims(v, Math.floor(dims * SPARSE_QUERY_SHARE));
  for (let k = 0; k < count; k++) {
    const r = rows ? (rows[k] ?? 0) : k;
    const offset = r * dims;
    let sum = 0;
    if (nonZero) {
      for (let j = 0; j < nonZero.length; j++) {
        const i = nonZero[j] ?? 0;
        sum += (data[offset + i] ?? 0) * (v[i] ?? 0);
      }
    } else {
      for (let i = 0; i < dims; i++) sum += (data[offset + i] ?? 0) * (v[i] ?? 0);
    }
    out[k] = scales ? sum * (scales[r] ?? 0) : sum;
  }
  return out;
}

/** The non-zero dims of `v` when there are at most `limit` of them, else null (scan densely). */
function nonZeroDims(v: Float32Array, limit: number): Int32Array | null {
  let count = 0;
  for (let i = 0; i < v.length; i++) if (v[i] !== 0 && ++count > limit) return null;
  const out = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) out[at++] = i;
  return out;
}

/** Weighted sum of rows: Σ weight · row(index). */
export function weightedSum(
  matrix: ItemMatrix,
  terms: readonly { index: number; weight: number }[],
): Float32Array {
  const out = new Float32Array(matrix.dims);
  for (const { index, weight } of terms) addRow(out, matrix, index, weight);
  return out;
}

/**
 * The first `dims` columns of every row as fp32, each row scaled back to unit length: the text
 * vectors of a matrix that may carry collaborative columns after them (a copy).
 */
export function textVectors(matrix: ItemMatrix, dims: number): Float32Array {
  const out = new Float32Array(matrix.rows * dims);
  const rowValues = new Float32Array(matrix.dims);
  for (let r = 0; r < matrix.rows; r++) {
    copyRow(matrix, r, rowValues, 0);
    out.set(normalize(rowValues.slice(0, dims)), r * dims);
  }
  return out;
}
