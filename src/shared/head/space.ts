import type { CatalogueItem } from '../catalogue/schema';
import type { SparseRows } from '../global/sparse-rows';
import { seededRandom } from '../random';
import { topCategory } from '../ranking/explain';
import { forEachInRow, type ItemMatrix } from '../ranking/matrix';

/** Width of the fixed projection the head's learned interaction works in. */
export const PROJECTION_DIMS = 32;

/**
 * The catalogue as the scoring head reads it, in plain arrays: item vectors, their fixed random
 * projection (the learned low-rank interaction acts on it), category ids and the prior. Row
 * `rows` is padding (zero vector, a category of its own): empty history slots point at it. The
 * item matrix is the engine's one (compact) copy and has no padding row (reads of it through the
 * matrix helpers count as 0); `projected`, `category` and `prior` have one.
 */
export interface HeadSpace {
  rows: number;
  dims: number;
  matrix: ItemMatrix;
  projected: Float32Array;
  category: Int32Array;
  categories: number;
  prior: Float32Array;
  /** The shop's global item–item model (one row per item), or null when none is in use. */
  global: SparseRows | null;
}

/** Builds the head's view of an item space (one pass over the vectors, skipping zeros). */
export function headSpace(
  matrix: ItemMatrix,
  items: readonly CatalogueItem[],
  prior: Float32Array,
  global: SparseRows | null = null,
): HeadSpace {
  const rows = items.length;
  const { dims } = matrix;
  const ids = new Map<string, number>();
  const category = new Int32Array(rows + 1);
  items.forEach((item, i) => {
    const name = topCategory(item) ?? '';
    if (!ids.has(name)) ids.set(name, ids.size);
    category[i] = ids.get(name) ?? 0;
  });
  category[rows] = ids.size;
  const priorPadded = new Float32Array(rows + 1);
  priorPadded.set(prior.subarray(0, rows));
  return {
    rows,
    dims,
    // The matrix itself, not a copy (a 100k-item catalogue is 100 MB even when compact).
    matrix,
    projected: project(matrix, rows, dims),
    category,
    categories: ids.size,
    prior: priorPadded,
    global: global?.rows === rows ? global : null,
  };
}

/**
 * A seeded Gaussian projection to PROJECTION_DIMS (Johnson–Lindenstrauss): the same vectors
 * always project the same way, so stored weights stay meaningful across visits.
 */
function project(matrix: ItemMatrix, rows: number, dims: number): Float32Array {
  const random = seededRandom(0x5eed);
  const gaussian = () => {
    const u = Math.max(1e-12, random());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const scale = 1 / Math.sqrt(PROJECTION_DIMS);
  const basis = Float32Array.from({ length: dims * PROJECTION_DIMS }, () => gaussian() * scale);
  // One row more than the items: the padding row, which stays zero.
  const out = new Float32Array((rows + 1) * PROJECTION_DIMS);
  for (let r = 0; r < rows; r++) {
    const o = r * PROJECTION_DIMS;
    // Only the non-zeros: a sparse lexical row has a few dozen of 1,024.
    forEachInRow(matrix, r, (d, v) => {
      const b = d * PROJECTION_DIMS;
      for (let p = 0; p < PROJECTION_DIMS; p++) {
        out[o + p] = (out[o + p] ?? 0) + v * (basis[b + p] ?? 0);
      }
    });
  }
  return out;
}
