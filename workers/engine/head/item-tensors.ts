import * as tf from '@tensorflow/tfjs-core';
import { PROJECTION_DIMS, type HeadSpace } from '../../../src/shared/head/space';
import { copyRow, denseMatrix, matrixForm, row, rowDot } from '../../../src/shared/ranking/matrix';

/** Some catalogue rows as tensors: projections, category ids, prior. */
export interface RowFeatures {
  rows: number;
  projected: tf.Tensor2D;
  category: tf.Tensor1D;
  prior: tf.Tensor1D;
}

/**
 * Candidates' cosines to the window's filled slots (`sim`, candidates × `width`, row-major: slot
 * j of candidate c at c × width + j; slots from `width` on are empty and read as 0) and to the
 * long-term profile (`long`). Only the filled slots are stored: 2,000 × 50 floats for a window of
 * five events were 400 KB of garbage per request.
 */
export interface Similarities {
  sim: Float32Array;
  long: Float32Array;
  width: number;
}

/** Every catalogue row as tensors, vectors too (ItemTensors.full). */
export interface RowTensors extends RowFeatures {
  v: tf.Tensor2D;
}

/**
 * The catalogue as the head scores it. The item vectors stay in the worker's one copy (the
 * head space reads the item matrix in place); a request uploads only the rows it scores (the
 * candidates of the two-stage ranking, and the history window). Scoring every row at once
 * (offline evaluation, benchmarks) keeps a full upload, made on first use.
 */
export class ItemTensors {
  readonly categories: number;
  readonly rows: number;
  private all: RowTensors | null = null;
  private projectedU: { revision: number; zu: tf.Tensor2D } | null = null;
  /**
   * Where a request's candidate rows are dequantised for upload, kept between requests: a fresh
   * 3 MB array each time (2,000 × 384 fp32) cost ~9 ms of garbage collection in a worker that
   * holds a 100k-item catalogue, more than the matrix product. Reusing it is safe because each
   * backend copies the values by the time the tensor is first used (WASM at creation, WebGPU at
   * upload) or reads them synchronously (CPU), and the tensor is disposed before any await.
   */
  private uploads = new Float32Array(0);

  constructor(readonly space: HeadSpace) {
    this.rows = space.rows;
    this.categories = space.categories;
  }

  /**
   * True when the item matrix is sparse (hashed lexical vectors): then a request's similarities
   * are computed from the stored non-zeros (`similaritiesTo`), not by uploading dense rows.
   */
  get sparse(): boolean {
    return matrixForm(this.space.matrix) === 'int8-sparse';
  }

  /**
   * Each candidate's similarity to each filled window slot and to the long-term profile, read
   * from the sparse matrix's non-zeros: a few million multiply-adds for 2,000 candidates, where
   * dense rows would be 2,000 × 1,024 × 50.
   */
  similaritiesTo(candidates: Int32Array, window: Int32Array, longTerm: Float32Array): Similarities {
    const { matrix, rows } = this.space;
    // Empty window slots (the padding row, a zero vector) have similarity 0: not stored.
    const used = filledSlots(window, rows);
    const width = used;
    const windowRows = Array.from(window.subarray(0, used), (r) =>
      r < rows ? row(matrix, r) : new Float32Array(matrix.dims),
    );
    const sim = new Float32Array(candidates.length * width);
    const long = new Float32Array(candidates.length);
    candidates.forEach((cand, c) => {
      if (cand >= rows) return;
      for (let j = 0; j < used; j++) {
        sim[c * width + j] = rowDot(matrix, cand, windowRows[j] ?? longTerm);
      }
      long[c] = rowDot(matrix, cand, longTerm);
    });
    return { sim, long, width };
  }

  /**
   * The same as similaritiesTo for dense rows, through the TF.js backend: the candidates' and
   * the window's vectors are uploaded and multiplied (2,000 × 384 × 50 multiply-adds are a
   * matrix product the backend does well), then read back.
   */
  async similaritiesOnBackend(
    candidates: Int32Array,
    window: Int32Array,
    longTerm: Float32Array,
  ): Promise<Similarities> {
    const { dims } = this.space;
    const used = filledSlots(window, this.rows);
    const need = candidates.length * dims;
    if (this.uploads.length < need) this.uploads = new Float32Array(need);
    const cand = tf.tidy(() => this.vectorsOf(candidates, this.uploads.subarray(0, need)));
    const longT = tf.tidy(() => tf.matMul(cand, tf.tensor2d(longTerm, [dims, 1])));
    // A transposed operand takes WASM's slow matmul path: transpose the small side first.
    const simT =
      used === 0
        ? null
        : tf.tidy(() =>
            tf.matMul(cand, tf.transpose<tf.Tensor2D>(this.vectorsOf(window.subarray(0, used)))),
          );
    cand.dispose();
    try {
      const [sim, long] = await Promise.all([simT?.data(), longT.data()]);
      // Candidates × used, row-major: already the layout of Similarities.
      return {
        sim: (sim as Float32Array | undefined) ?? new Float32Array(0),
        long: long as Float32Array,
        width: used,
      };
    } finally {
      simT?.dispose();
      longT.dispose();
    }
  }

  /**
   * The vectors of the given rows as a tensor (zero for the padding row), written into `into`
   * (indices × dims values) when given, else into a new array. Call inside tidy.
   */
  vectorsOf(indices: Int32Array, into?: Float32Array): tf.Tensor2D {
    const { dims } = this.space;
    const v = into ?? new Float32Array(indices.length * dims);
    indices.forEach((row, i) => {
      if (row < this.space.rows) copyRow(this.space.matrix, row, v, i * dims);
      else v.fill(0, i * dims, (i + 1) * dims);
    });
    return tf.tensor2d(v, [indices.length, dims]);
  }

  /** Projections, categories and prior of the given rows (row `rows` is the padding row). Call inside tidy. */
  rowsOf(indices: Int32Array): RowFeatures {
    const { space } = this;
    const projected = new Float32Array(indices.length * PROJECTION_DIMS);
    const category = new Int32Array(indices.length);
    const prior = new Float32Array(indices.length);
    indices.forEach((row, i) => {
      const p = row * PROJECTION_DIMS;
      projected.set(space.projected.subarray(p, p + PROJECTION_DIMS), i * PROJECTION_DIMS);
      category[i] = space.category[row] ?? space.categories;
      prior[i] = space.prior[row] ?? 0;
    });
    return {
      rows: indices.length,
      projected: tf.tensor2d(projected, [indices.length, PROJECTION_DIMS]),
      category: tf.tensor1d(category, 'int32'),
      prior: tf.tensor1d(prior),
    };
  }

  /** Every row (without the padding row), uploaded once and kept. */
  full(): RowTensors {
    if (!this.all) {
      const { space } = this;
      const rows = space.rows;
      this.all = tf.tidy(() => ({
        rows,
        v: tf.keep(
          tf.tensor2d(denseMatrix(space.matrix).data.subarray(0, rows * space.dims), [
            rows,
            space.dims,
          ]),
        ),
        projected: tf.keep(
          tf.tensor2d(space.projected.subarray(0, rows * PROJECTION_DIMS), [rows, PROJECTION_DIMS]),
        ),
        category: tf.keep(tf.tensor1d(space.category.subarray(0, rows), 'int32')),
        prior: tf.keep(tf.tensor1d(space.prior.subarray(0, rows))),
      }));
    }
    return this.all;
  }

  /** Z·U over every row for the head's current U, recomputed only when the weights changed. */
  projectedTimes(u: tf.Tensor2D, revision: number): tf.Tensor2D {
    if (this.projectedU?.revision !== revision || this.projectedU.zu.isDisposed) {
      this.projectedU?.zu.dispose();
      this.projectedU = { revision, zu: tf.keep(tf.matMul(this.full().projected, u)) };
    }
    return this.projectedU.zu;
  }

  dispose(): void {
    this.projectedU?.zu.dispose();
    this.projectedU = null;
    if (this.all) {
      const { v, projected, category, prior } = this.all;
      for (const tensor of [v, projected, category, prior]) tensor.dispose();
    }
    this.all = null;
  }
}

/**
 * How many leading slots of a history window hold events: slots after the last one that does
 * are padding (row `rows`, a zero vector), so their similarities are 0 without computing them.
 */
export function filledSlots(window: Int32Array, rows: number): number {
  let used = window.length;
  while (used > 0 && (window[used - 1] ?? rows) >= rows) used -= 1;
  return used;
}
