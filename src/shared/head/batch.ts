import { PROJECTION_DIMS } from './space';

/** History events the scoring head attends over for one prediction. */
export const WINDOW = 50;

/**
 * Flat arrays of a batch, ready to become tensors (row-major, B × WINDOW for the window). Every
 * feature that does not depend on the head's parameters is computed here, once, in plain
 * arrays: the training graph then needs no gather over item vectors.
 */
export interface Batch {
  size: number;
  histItem: Int32Array;
  histType: Int32Array;
  histAge: Float32Array;
  histSign: Float32Array;
  /** Cosine of the candidate with each window item (0 in empty slots). */
  histSim: Float32Array;
  /** 1 where the window item shares the candidate's top category. */
  histSame: Float32Array;
  /** Projected vectors of the window items: B × WINDOW × PROJECTION_DIMS. */
  histProj: Float32Array;
  /** Projected vector of each candidate: B × PROJECTION_DIMS. */
  candProj: Float32Array;
  candPrior: Float32Array;
  /** Cosine of the candidate with the visitor's long-term profile (all likes before it). */
  candLong: Float32Array;
  /** The candidate's global score from the items liked before (global-feature.ts); 0 without a model. */
  candGlobal: Float32Array;
  cand: Int32Array;
  label: Float32Array;
  weight: Float32Array;
}

/** A batch of `size` zeroed rows whose window and candidate slots point at `padRow`. */
export function emptyBatch(size: number, padRow: number): Batch {
  return {
    size,
    histItem: new Int32Array(size * WINDOW).fill(padRow),
    histType: new Int32Array(size * WINDOW),
    histAge: new Float32Array(size * WINDOW),
    histSign: new Float32Array(size * WINDOW),
    histSim: new Float32Array(size * WINDOW),
    histSame: new Float32Array(size * WINDOW),
    histProj: new Float32Array(size * WINDOW * PROJECTION_DIMS),
    candProj: new Float32Array(size * PROJECTION_DIMS),
    candPrior: new Float32Array(size),
    candLong: new Float32Array(size),
    candGlobal: new Float32Array(size),
    cand: new Int32Array(size).fill(padRow),
    label: new Float32Array(size),
    weight: new Float32Array(size),
  };
}

/** The rows of a batch at `indices`, as a new batch (how epochs reshuffle without refilling). */
export function selectRows(batch: Batch, indices: readonly number[]): Batch {
  const out = emptyBatch(indices.length, 0);
  const copy = (from: Float32Array | Int32Array, to: Float32Array | Int32Array, width: number) => {
    indices.forEach((i, j) => {
      to.set(from.subarray(i * width, (i + 1) * width), j * width);
    });
  };
  const P = PROJECTION_DIMS;
  copy(batch.histItem, out.histItem, WINDOW);
  copy(batch.histType, out.histType, WINDOW);
  copy(batch.histAge, out.histAge, WINDOW);
  copy(batch.histSign, out.histSign, WINDOW);
  copy(batch.histSim, out.histSim, WINDOW);
  copy(batch.histSame, out.histSame, WINDOW);
  copy(batch.histProj, out.histProj, WINDOW * P);
  copy(batch.candProj, out.candProj, P);
  copy(batch.candPrior, out.candPrior, 1);
  copy(batch.candLong, out.candLong, 1);
  copy(batch.candGlobal, out.candGlobal, 1);
  copy(batch.cand, out.cand, 1);
  copy(batch.label, out.label, 1);
  copy(batch.weight, out.weight, 1);
  return out;
}

/** The rows of several batches, in order, as one batch. */
export function concatBatches(batches: readonly Batch[]): Batch {
  const size = batches.reduce((total, batch) => total + batch.size, 0);
  const out = emptyBatch(size, 0);
  let at = 0;
  for (const batch of batches) {
    for (const key of Object.keys(out) as (keyof Batch)[]) {
      const to = out[key];
      const from = batch[key];
      if (typeof to === 'number' || typeof from === 'number') continue;
      // Every array holds a fixed number of values per row.
      (to as Float32Array).set(from, at * (to.length / size));
    }
    at += batch.size;
  }
  return out;
}
