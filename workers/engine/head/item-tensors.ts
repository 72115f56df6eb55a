import * as tf from '@tensorflow/tfjs-core';
import { PROJECTION_DIMS, type HeadSpace } from '../../../src/shared/ranking/head-space';

/** Some catalogue rows as tensors: vectors, projections, category ids and prior. */
export interface RowTensors {
  rows: number;
  v: tf.Tensor2D;
  projected: tf.Tensor2D;
  category: tf.Tensor1D;
  prior: tf.Tensor1D;
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

  constructor(readonly space: HeadSpace) {
    this.rows = space.rows;
    this.categories = space.categories;
  }

  /** Tensors of the given rows (row `rows` is the padding row: zero vector). Call inside tidy. */
  rowsOf(indices: Int32Array): RowTensors {
    const { space } = this;
    const { dims } = space;
    const v = new Float32Array(indices.length * dims);
    const projected = new Float32Array(indices.length * PROJECTION_DIMS);
    const category = new Int32Array(indices.length);
    const prior = new Float32Array(indices.length);
    indices.forEach((row, i) => {
      if (row < space.rows) v.set(space.vectors.subarray(row * dims, (row + 1) * dims), i * dims);
      const p = row * PROJECTION_DIMS;
      projected.set(space.projected.subarray(p, p + PROJECTION_DIMS), i * PROJECTION_DIMS);
      category[i] = space.category[row] ?? space.categories;
      prior[i] = space.prior[row] ?? 0;
    });
    return {
      rows: indices.length,
      v: tf.tensor2d(v, [indices.length, dims]),
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
        v: tf.keep(tf.tensor2d(space.vectors, [rows, space.dims])),
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
