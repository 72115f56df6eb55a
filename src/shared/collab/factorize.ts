import { EigenvalueDecomposition, Matrix, QrDecomposition } from 'ml-matrix';
import { seededRandom } from '../random';

/** Who acted positively on what, in aggregate: one entry per (user, item) pair. */
export interface UsageMatrix {
  users: number;
  items: number;
  pairs: readonly { user: number; item: number }[];
}

export interface FactorizeOptions {
  dims: number;
  /** Extra random directions beyond `dims`: they make the randomized SVD accurate. */
  oversample?: number;
  /** Power iterations: each sharpens the separation of the leading singular directions. */
  powerIterations?: number;
  /**
   * Each item column is divided by its count to this power: 0.5 makes the co-occurrence matrix
   * the cosine similarity of items (popular items do not dominate every direction).
   */
  itemPower?: number;
  /** Each user row is divided by their count to this power: heavy users count less per pair. */
  userPower?: number;
  seed?: number;
}

/** Item vectors, row-major (items × dims), unit length; items nobody used have zero rows. */
export interface ItemFactors {
  dims: number;
  data: Float32Array;
  /** Share of the co-occurrence matrix's energy (trace) the kept dimensions explain. */
  explained: number;
}

interface Sparse {
  start: Int32Array;
  item: Int32Array;
  value: Float64Array;
}

/**
 * Factorises item co-occurrence: with X the user–item matrix (normalised rows and columns), the
 * item vectors are V·S from a truncated SVD of X, so v_i·v_j approximates (XᵀX)_ij, the
 * co-occurrence of i and j. A randomized SVD (Halko, Martinsson and Tropp, 2011) touches X only
 * through sparse products, so it scales with the number of pairs, not users × items.
 */
export function factorizeCooccurrence(usage: UsageMatrix, options: FactorizeOptions): ItemFactors {
  const dims = Math.max(1, Math.min(options.dims, usage.items, usage.users));
  const width = Math.min(dims + (options.oversample ?? 16), usage.items, usage.users);
  const x = normalised(usage, options.itemPower ?? 0.5, options.userPower ?? 0);
  const random = seededRandom(options.seed ?? 1);
  const omega = new Float64Array(usage.items * width).map(() => random() * 2 - 1);
  let q = orthonormal(times(x, usage.users, omega, width), usage.users, width);
  for (let i = 0; i < (options.powerIterations ?? 4); i++) {
    const back = orthonormal(timesTransposed(x, usage.items, q, width), usage.items, width);
    q = orthonormal(times(x, usage.users, back, width), usage.users, width);
  }
  // Z = Xᵀ Q (items × width); ZᵀZ = B Bᵀ with B = Qᵀ X, whose eigenvectors W give V·S = Z·W.
  const z = new Matrix(toRows(timesTransposed(x, usage.items, q, width), usage.items, width));
  const evd = new EigenvalueDecomposition(z.transpose().mmul(z), { assumeSymmetric: true });
  const order = evd.realEigenvalues
    .map((value, index) => ({ value, index }))
    .sort((a, b) => b.value - a.value)
    .slice(0, dims);
  const w = evd.eigenvectorMatrix.subMatrixColumn(order.map((o) => o.index));
  const factors = z.mmul(w);
  const data = new Float32Array(usage.items * dims);
  for (let i = 0; i < usage.items; i++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += factors.get(i, d) ** 2;
    if (norm <= 1e-12) continue;
    const scale = 1 / Math.sqrt(norm);
    for (let d = 0; d < dims; d++) data[i * dims + d] = factors.get(i, d) * scale;
  }
  let trace = 0;
  for (const v of x.value) trace += v * v;
  const kept = order.reduce((sum, o) => sum + Math.max(0, o.value), 0);
  return { dims, data, explained: trace > 0 ? kept / trace : 0 };
}

/** X as compressed rows (one row per user), deduplicated and normalised. */
function normalised(usage: UsageMatrix, itemPower: number, userPower: number): Sparse {
  const seen = new Set<number>();
  const rows: number[][] = Array.from({ length: usage.users }, () => []);
  const itemCount = new Float64Array(usage.items);
  for (const { user, item } of usage.pairs) {
    const key = user * usage.items + item;
    if (seen.has(key) || user >= usage.users || item >= usage.items) continue;
    seen.add(key);
    rows[user]?.push(item);
    itemCount[item] = (itemCount[item] ?? 0) + 1;
  }
  const start = new Int32Array(usage.users + 1);
  const item = new Int32Array(seen.size);
  const value = new Float64Array(seen.size);
  let at = 0;
  rows.forEach((items, user) => {
    start[user] = at;
    const userScale = items.length > 0 ? items.length ** -userPower : 0;
    for (const i of items) {
      item[at] = i;
      value[at] = userScale * (itemCount[i] ?? 1) ** -itemPower;
      at += 1;
    }
  });
  start[usage.users] = at;
  return { start, item, value };
}

/** X · M for a dense row-major M (items × width): users × width. */
function times(x: Sparse, users: number, m: Float64Array, width: number): Float64Array {
  const out = new Float64Array(users * width);
  for (let u = 0; u < users; u++) {
    for (let k = x.start[u] ?? 0; k < (x.start[u + 1] ?? 0); k++) {
      const i = x.item[k] ?? 0;
      const v = x.value[k] ?? 0;
      for (let c = 0; c < width; c++) {
        const at = u * width + c;
        out[at] = (out[at] ?? 0) + v * (m[i * width + c] ?? 0);
      }
    }
  }
  return out;
}

/** Xᵀ · M for a dense row-major M (users × width): items × width. */
function timesTransposed(x: Sparse, items: number, m: Float64Array, width: number): Float64Array {
  const out = new Float64Array(items * width);
  for (let u = 0; u + 1 < x.start.length; u++) {
    for (let k = x.start[u] ?? 0; k < (x.start[u + 1] ?? 0); k++) {
      const i = x.item[k] ?? 0;
      const v = x.value[k] ?? 0;
      for (let c = 0; c < width; c++) {
        const at = i * width + c;
        out[at] = (out[at] ?? 0) + v * (m[u * width + c] ?? 0);
      }
    }
  }
  return out;
}

/** An orthonormal basis of the columns of a row-major (rows × width) matrix, same shape. */
function orthonormal(m: Float64Array, rows: number, width: number): Float64Array {
  const q = new QrDecomposition(new Matrix(toRows(m, rows, width))).orthogonalMatrix;
  const out = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) for (let c = 0; c < width; c++) out[r * width + c] = q.get(r, c);
  return out;
}

function toRows(m: Float64Array, rows: number, width: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from(m.subarray(r * width, (r + 1) * width)));
}
