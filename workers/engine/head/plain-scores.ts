import { WINDOW, type Batch } from '../../../src/shared/head/batch';
import type { HeadParams } from '../../../src/shared/head/params';
import { PROJECTION_DIMS, type HeadSpace } from '../../../src/shared/head/space';
import type { Similarities } from './item-tensors';

/**
 * The head's forward pass for one visitor's window over a few thousand candidates, in plain
 * JavaScript: the same arithmetic as ScoringHead.scoreAll's TF.js graph (attention over the
 * window, the low-rank interaction, the logistic layer over eight features), in float64.
 *
 * Why a second implementation of scoring (training stays TF.js): once the candidates'
 * similarities to the window are known (from a sparse matrix's non-zeros in the worker, or one
 * matrix product on the backend: ItemTensors), what is left is about 2,000 × 50 multiply-adds
 * per feature. As a TF.js graph that is ~40 kernel launches whose fixed cost (WASM calls,
 * WebGPU dispatches and a read-back) was most of a 100k-item recommend() (docs/benchmarks.md,
 * "Scale"); this loop takes under a millisecond with five events in the window.
 * scoring-head.test.ts checks that both give the same logits.
 */
export function plainScores(
  params: HeadParams,
  space: HeadSpace,
  window: Batch,
  candidates: Int32Array,
  /** The candidates' cosines to the window's filled slots and to the long-term profile. */
  similarity: Similarities,
  global: Float32Array | null,
  /** Each candidate's projected vector times U, kept while U stays the same. */
  timesU: RowsTimesU = new RowsTimesU(),
): Float32Array {
  const { typeLogit, decayRaw, simGain, u, w, b } = params;
  const rank = u.length / PROJECTION_DIMS;
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = w;
  const decay = softplus(decayRaw);
  const { width } = similarity;
  const categoryOf = (row: number) => space.category[row] ?? space.categories;
  // What depends on the window only: each slot's type-and-age score, its sign, its category
  // and its projected vector times U.
  const slots: number[] = [];
  const base = new Float64Array(WINDOW);
  const sign = new Int8Array(WINDOW);
  const category = new Int32Array(WINDOW);
  const windowU = new Float64Array(WINDOW * rank);
  for (let j = 0; j < WINDOW; j++) {
    const s = window.histSign[j] ?? 0;
    sign[j] = s > 0 ? 1 : s < 0 ? -1 : 0;
    if (sign[j] === 0) continue;
    slots.push(j);
    base[j] = (typeLogit[window.histType[j] ?? 0] ?? 0) - decay * (window.histAge[j] ?? 0);
    const row = window.histItem[j] ?? space.rows;
    category[j] = categoryOf(row);
    projectTimesU(space.projected, row, space.rows, u, rank, windowU, j * rank);
  }
  const out = new Float32Array(candidates.length);
  const attention = new Float64Array(WINDOW);
  const pooled = new Float64Array(rank);
  for (let c = 0; c < candidates.length; c++) {
    const row = candidates[c] ?? 0;
    const simRow = c * width;
    // Softmax over the window's signed slots (the others weigh 0).
    let max = -Infinity;
    for (const j of slots) {
      const score = (base[j] ?? 0) + simGain * (j < width ? (similarity.sim[simRow + j] ?? 0) : 0);
      attention[j] = score;
      if (score > max) max = score;
    }
    let total = 0;
    for (const j of slots) {
      const e = Math.exp((attention[j] ?? 0) - max);
      attention[j] = e;
      total += e;
    }
    const candCategory = categoryOf(row);
    let simPos = 0;
    let simNeg = 0;
    let samePos = 0;
    let sameNeg = 0;
    let positive = false;
    pooled.fill(0);
    for (const j of slots) {
      const a = (attention[j] ?? 0) / total;
      const sim = j < width ? (similarity.sim[simRow + j] ?? 0) : 0;
      const same = category[j] === candCategory ? 1 : 0;
      if (sign[j] === 1) {
        positive = true;
        simPos += a * sim;
        samePos += a * same;
        for (let r = 0; r < rank; r++)
          pooled[r] = (pooled[r] ?? 0) + a * (windowU[j * rank + r] ?? 0);
      } else {
        simNeg += a * sim;
        sameNeg += a * same;
      }
    }
    let interaction = 0;
    if (positive) {
      const at = timesU.offset(space, u, rank, row);
      const values = timesU.values;
      for (let r = 0; r < rank; r++) interaction += (values[at + r] ?? 0) * (pooled[r] ?? 0);
    }
    // The eight features in INIT_W's order.
    out[c] =
      b +
      w0 * simPos +
      w1 * simNeg +
      w2 * interaction +
      w3 * (space.prior[row] ?? 0) +
      w4 * samePos +
      w5 * sameNeg +
      w6 * (similarity.long[c] ?? 0) +
      w7 * (global?.[row] ?? 0);
  }
  return out;
}

/**
 * Rows of the projected item vectors times U, each computed when first asked for and kept until
 * U or the item space changes: between training runs a page asks for the same candidates again
 * and again (256 multiply-adds per candidate, a millisecond at 2,000 of them).
 */
export class RowsTimesU {
  private space: HeadSpace | null = null;
  private u: Float32Array | null = null;
  /** The kept products, `rank` values per row (read them at `offset`). */
  values = new Float32Array(0);
  /** The generation each row was computed in; a row is current when it is this.generation. */
  private stamp = new Uint32Array(0);
  private generation = 0;

  /** Where row `row` × U starts in `values`, computed now unless it is kept. */
  offset(space: HeadSpace, u: Float32Array, rank: number, row: number): number {
    if (space !== this.space || u !== this.u) {
      if (space.rows + 1 !== this.stamp.length || this.values.length !== this.stamp.length * rank) {
        this.stamp = new Uint32Array(space.rows + 1);
        this.values = new Float32Array((space.rows + 1) * rank);
      }
      this.space = space;
      this.u = u;
      this.generation += 1;
    }
    const at = row * rank;
    if (this.stamp[row] !== this.generation) {
      projectTimesU(space.projected, row, space.rows, u, rank, this.values, at);
      this.stamp[row] = this.generation;
    }
    return at;
  }
}

/** Row `row` of the projected item vectors times U, written to `out` (0 for the padding row). */
function projectTimesU(
  projected: Float32Array,
  row: number,
  rows: number,
  u: Float32Array,
  rank: number,
  out: Float32Array | Float64Array,
  at: number,
): void {
  if (row >= rows) {
    for (let r = 0; r < rank; r++) out[at + r] = 0;
    return;
  }
  const p = row * PROJECTION_DIMS;
  for (let r = 0; r < rank; r++) {
    let sum = 0;
    for (let d = 0; d < PROJECTION_DIMS; d++)
      sum += (projected[p + d] ?? 0) * (u[d * rank + r] ?? 0);
    out[at + r] = sum;
  }
}

function softplus(x: number): number {
  return x > 20 ? x : Math.log1p(Math.exp(x));
}
