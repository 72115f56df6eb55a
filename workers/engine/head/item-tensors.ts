import * as tf from '@tensorflow/tfjs-core';
import { PROJECTION_DIMS, type HeadSpace } from '../../../src/shared/ranking/head-space';

/**
 * The catalogue as tensors for scoring, kept on the backend between calls: item vectors and
 * their projections (with the padding row), category ids and the prior. Training does not use
 * them: its batches carry their item features precomputed.
 */
export class ItemTensors {
  readonly v: tf.Tensor2D;
  readonly projected: tf.Tensor2D;
  readonly category: tf.Tensor1D;
  readonly prior: tf.Tensor1D;
  readonly categories: number;
  readonly rows: number;
  private projectedU: { revision: number; zu: tf.Tensor2D } | null = null;

  constructor(readonly space: HeadSpace) {
    this.rows = space.rows;
    this.categories = space.categories;
    this.v = tf.tidy(() =>
      tf.concat([tf.tensor2d(space.vectors, [space.rows, space.dims]), tf.zeros([1, space.dims])]),
    );
    this.projected = tf.tensor2d(space.projected, [space.rows + 1, PROJECTION_DIMS]);
    this.category = tf.tensor1d(space.category, 'int32');
    this.prior = tf.tensor1d(space.prior);
  }

  /** Z·U for the head's current U, recomputed only when the head's weights changed. */
  projectedTimes(u: tf.Tensor2D, revision: number): tf.Tensor2D {
    if (this.projectedU?.revision !== revision || this.projectedU.zu.isDisposed) {
      this.projectedU?.zu.dispose();
      this.projectedU = { revision, zu: tf.keep(tf.matMul(this.projected, u)) };
    }
    return this.projectedU.zu;
  }

  dispose(): void {
    this.projectedU?.zu.dispose();
    this.projectedU = null;
    this.v.dispose();
    this.projected.dispose();
    this.category.dispose();
    this.prior.dispose();
  }
}
