import * as tf from '@tensorflow/tfjs-core';
import type { CatalogueItem } from '../../../src/shared/catalogue/schema';
import { topCategory } from '../../../src/shared/ranking/explain';
import type { ItemMatrix } from '../../../src/shared/ranking/matrix';

/**
 * The catalogue as tensors, kept on the backend between calls: item vectors with one zero
 * padding row at the end (empty history slots point at it), category ids and the prior.
 */
export class ItemTensors {
  readonly v: tf.Tensor2D;
  readonly category: tf.Tensor1D;
  readonly prior: tf.Tensor1D;
  readonly categories: number;
  private vuCache: { u: tf.Tensor; vu: tf.Tensor2D } | null = null;

  constructor(
    readonly rows: number,
    matrix: ItemMatrix,
    items: readonly CatalogueItem[],
    prior: Float32Array,
  ) {
    const ids = new Map<string, number>();
    const category = new Int32Array(rows + 1);
    items.forEach((item, i) => {
      const name = topCategory(item) ?? '';
      if (!ids.has(name)) ids.set(name, ids.size);
      category[i] = ids.get(name) ?? 0;
    });
    this.categories = ids.size;
    category[rows] = ids.size; // the padding row gets a category of its own
    const padded = new Float32Array((rows + 1) * matrix.dims);
    padded.set(matrix.data.subarray(0, rows * matrix.dims));
    const priorPadded = new Float32Array(rows + 1);
    priorPadded.set(prior.subarray(0, rows));
    this.v = tf.tensor2d(padded, [rows + 1, matrix.dims]);
    this.category = tf.tensor1d(category, 'int32');
    this.prior = tf.tensor1d(priorPadded);
  }

  /** Index of the padding row. */
  get padRow(): number {
    return this.rows;
  }

  /** V·U, cached until the head's U changes (scoring runs it once per training, not per call). */
  vu(u: tf.Tensor2D): tf.Tensor2D {
    if (this.vuCache?.u !== u || this.vuCache.vu.isDisposed) {
      this.vuCache?.vu.dispose();
      this.vuCache = { u, vu: tf.keep(tf.matMul(this.v, u)) };
    }
    return this.vuCache.vu;
  }

  /** Drops the V·U cache (after U was trained). */
  invalidate(): void {
    this.vuCache?.vu.dispose();
    this.vuCache = null;
  }

  dispose(): void {
    this.invalidate();
    this.v.dispose();
    this.category.dispose();
    this.prior.dispose();
  }
}
