import * as tf from '@tensorflow/tfjs-core';
import { SIGNAL_WEIGHTS } from '../../../src/shared/interactions/signals';
import { INTERACTION_TYPES } from '../../../src/shared/interactions/types';
import { WINDOW, type Batch } from '../../../src/shared/ranking/examples';
import type { HeadParams } from '../../../src/shared/ranking/head-params';
import { seededRandom } from '../../../src/shared/random';
import type { ItemTensors } from './item-tensors';

/** Width of the learned low-rank interaction between an item and the visitor's profile. */
export const RANK = 8;
/**
 * Features per item: similarity to the liked part of the history, to the disliked part, the
 * low-rank interaction, the popularity prior, and the shares of attention that liked and that
 * disliked items of the item's category get. One attention distribution covers the window, so
 * the parts weigh what their share of recent, strong signals is (six dislikes outweigh one).
 * Popularity starts at 0: ranking blends the prior in already (fading as history grows); inside
 * the head it only counts as far as this visitor's own choices show a taste for popular items.
 */
const INIT_W = [4, -2.4, 0, 0, 1, -1];
const INIT_B = -2;
const DEFAULT_HALF_LIFE_DAYS = 14;

/**
 * Parameters of an untrained head. They reproduce the heuristic profile scorer (event weights as
 * attention, two-week half-life, liked minus 0.6 × disliked cosine), so a new visitor gets
 * sensible scores before any training, and training only has to learn corrections.
 */
export function initialParams(dims: number, seed = 7): HeadParams {
  const random = seededRandom(seed);
  const typeLogit = INTERACTION_TYPES.map((type) => {
    const weight = type === 'rating' ? 3 : Math.abs(SIGNAL_WEIGHTS[type]);
    return Math.log(Math.max(0.05, weight));
  });
  const decay = Math.LN2 / DEFAULT_HALF_LIFE_DAYS;
  const u = Float32Array.from({ length: dims * RANK }, () => (random() - 0.5) * 0.02);
  return { dims, typeLogit, decayRaw: Math.log(Math.expm1(decay)), u, w: [...INIT_W], b: INIT_B };
}

/** The tensors of one batch (history windows and candidates). */
interface BatchTensors {
  histItem: tf.Tensor1D;
  histType: tf.Tensor2D;
  histAge: tf.Tensor2D;
  pos: tf.Tensor2D;
  neg: tf.Tensor2D;
  cand: tf.Tensor1D;
}

/** The personal scoring head: a few variables and a forward pass over batches or the catalogue. */
export class ScoringHead {
  readonly typeLogit: tf.Variable<tf.Rank.R1>;
  readonly decayRaw: tf.Variable<tf.Rank.R0>;
  readonly u: tf.Variable<tf.Rank.R2>;
  readonly w: tf.Variable<tf.Rank.R1>;
  readonly b: tf.Variable<tf.Rank.R0>;
  private readonly initW: tf.Tensor1D;

  constructor(readonly params: HeadParams) {
    this.typeLogit = tf.variable(tf.tensor1d(params.typeLogit));
    this.decayRaw = tf.variable(tf.scalar(params.decayRaw));
    this.u = tf.variable(tf.tensor2d(params.u, [params.dims, RANK]));
    this.w = tf.variable(tf.tensor1d(params.w));
    this.b = tf.variable(tf.scalar(params.b));
    this.initW = tf.tensor1d(INIT_W);
  }

  get variables(): tf.Variable[] {
    return [this.typeLogit, this.decayRaw, this.u, this.w, this.b];
  }

  /** Logits of a batch of (history window, candidate) pairs. Call inside tf.tidy. */
  logits(items: ItemTensors, batch: BatchTensors): tf.Tensor1D {
    const size = batch.cand.shape[0];
    const { hPos, hNeg, aPos, aNeg } = this.profiles(items, batch, size);
    const vc = tf.gather(items.v, batch.cand);
    const f1 = tf.sum(tf.mul(vc, hPos), 1);
    const f2 = tf.sum(tf.mul(vc, hNeg), 1);
    const f3 = tf.sum(tf.mul(tf.matMul(vc, this.u), tf.matMul(hPos, this.u)), 1);
    const f4 = tf.gather(items.prior, batch.cand);
    const histCat = tf.reshape(tf.gather(items.category, batch.histItem), [size, WINDOW]);
    const candCat = tf.expandDims(tf.gather(items.category, batch.cand), 1);
    const sameCategory = tf.cast(tf.equal(histCat, candCat), 'float32');
    const f5 = tf.sum(tf.mul(aPos, sameCategory), 1);
    const f6 = tf.sum(tf.mul(aNeg, sameCategory), 1);
    const features = tf.stack([f1, f2, f3, f4, f5, f6], 1) as tf.Tensor2D;
    return tf.add(tf.reshape(tf.matMul(features, tf.expandDims(this.w, 1)), [size]), this.b);
  }

  /** Weighted binary cross-entropy plus L2 pulls towards the untrained head. */
  loss(
    items: ItemTensors,
    batch: BatchTensors,
    label: tf.Tensor1D,
    weight: tf.Tensor1D,
    l2: number,
  ): tf.Scalar {
    const logits = this.logits(items, batch);
    // Numerically stable BCE on logits: max(x,0) − x·y + log(1 + e^−|x|).
    const bce = tf.add(
      tf.sub(tf.relu(logits), tf.mul(logits, label)),
      tf.log1p(tf.exp(tf.neg(tf.abs(logits)))),
    );
    const data = tf.div(tf.sum(tf.mul(bce, weight)), tf.add(tf.sum(weight), 1e-6));
    const reg = tf.add(tf.sum(tf.square(this.u)), tf.sum(tf.square(tf.sub(this.w, this.initW))));
    return tf.add<tf.Scalar>(data, tf.mul(reg, l2));
  }

  /**
   * Scores every catalogue item for one visitor: a few matrix–vector products. Reads back
   * asynchronously: WebGPU's synchronous read returns zeros in a dedicated worker.
   */
  async scoreAll(items: ItemTensors, window: Batch): Promise<Float32Array> {
    const scores = tf.tidy(() => {
      const batch = toTensors(window);
      const { hPos, hNeg, aPos, aNeg } = this.profiles(items, batch, 1);
      const s1 = tf.matMul(items.v, hPos, false, true);
      const s2 = tf.matMul(items.v, hNeg, false, true);
      const s3 = tf.matMul(items.vu(this.u), tf.matMul(hPos, this.u), false, true);
      // Attention shares per category: the window's attention scattered onto category ids.
      const histCat = tf.gather(items.category, batch.histItem);
      const oneHot = tf.cast(tf.oneHot(histCat, items.categories + 1), 'float32');
      const share = (a: tf.Tensor2D) =>
        tf.expandDims(tf.gather(tf.reshape(tf.matMul(a, oneHot), [-1]), items.category), 1);
      const prior = tf.expandDims(items.prior, 1);
      const features = tf.concat([s1, s2, s3, prior, share(aPos), share(aNeg)], 1);
      const logits = tf.add(tf.matMul(features, tf.expandDims(this.w, 1)), this.b);
      // The last row is the padding row, not an item.
      return tf.slice(tf.reshape(logits, [-1]), [0], [items.rows]);
    });
    try {
      return (await scores.data()) as Float32Array;
    } finally {
      scores.dispose();
    }
  }

  /** The current parameters as plain arrays. */
  async snapshot(): Promise<HeadParams> {
    const [typeLogit, decayRaw, u, w, b] = await Promise.all(this.variables.map((v) => v.data()));
    return {
      dims: this.params.dims,
      typeLogit: Array.from(typeLogit ?? []),
      decayRaw: decayRaw?.[0] ?? 0,
      u: Float32Array.from(u ?? []),
      w: Array.from(w ?? []),
      b: b?.[0] ?? 0,
    };
  }

  /** Sets the variables back to a snapshot (the best epoch, after early stopping). */
  restore(params: HeadParams): void {
    this.typeLogit.assign(tf.tensor1d(params.typeLogit));
    this.decayRaw.assign(tf.scalar(params.decayRaw));
    this.u.assign(tf.tensor2d(params.u, [params.dims, RANK]));
    this.w.assign(tf.tensor1d(params.w));
    this.b.assign(tf.scalar(params.b));
  }

  dispose(): void {
    for (const variable of this.variables) variable.dispose();
    this.initW.dispose();
  }

  /**
   * One attention distribution over each window (signal type and age), and the liked and
   * disliked parts it pools: their lengths carry their share of the attention.
   */
  private profiles(items: ItemTensors, batch: BatchTensors, size: number) {
    const decay = tf.softplus(this.decayRaw);
    // A one-hot product, not a gather: the WASM backend has no kernel for gather's gradient.
    const types = tf.oneHot(tf.reshape(batch.histType, [-1]), INTERACTION_TYPES.length);
    const typeScore = tf.reshape<tf.Rank.R2>(
      tf.matMul(tf.cast(types, 'float32'), tf.expandDims(this.typeLogit, 1)),
      batch.histAge.shape,
    );
    const score: tf.Tensor2D = tf.sub(typeScore, tf.mul(decay, batch.histAge));
    const attention = maskedSoftmax(score, tf.add(batch.pos, batch.neg));
    const aPos = tf.mul<tf.Tensor2D>(attention, batch.pos);
    const aNeg = tf.mul<tf.Tensor2D>(attention, batch.neg);
    const vh = tf.reshape(tf.gather(items.v, batch.histItem), [size, WINDOW, this.params.dims]);
    const pool = (a: tf.Tensor2D) =>
      tf.squeeze<tf.Tensor2D>(tf.matMul(tf.expandDims(a, 1), vh), [1]);
    return { aPos, aNeg, hPos: pool(aPos), hNeg: pool(aNeg) };
  }
}

/** Softmax over the slots where `mask` is 1; all-zero weights for a row with no such slot. */
function maskedSoftmax(score: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor2D {
  const masked = tf.add(score, tf.mul(tf.sub(1, mask), -1e9));
  return tf.mul<tf.Tensor2D>(tf.softmax(masked), mask);
}

/** Turns a batch's flat arrays into tensors (call inside tf.tidy). */
export function toTensors(batch: Batch): BatchTensors {
  const shape: [number, number] = [batch.size, WINDOW];
  const sign = tf.tensor2d(batch.histSign, shape);
  return {
    histItem: tf.tensor1d(batch.histItem, 'int32'),
    histType: tf.tensor2d(batch.histType, shape, 'int32'),
    histAge: tf.tensor2d(batch.histAge, shape),
    pos: tf.cast<tf.Tensor2D>(tf.greater(sign, 0), 'float32'),
    neg: tf.cast<tf.Tensor2D>(tf.less(sign, 0), 'float32'),
    cand: tf.tensor1d(batch.cand, 'int32'),
  };
}
