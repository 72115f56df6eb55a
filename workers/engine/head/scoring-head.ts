import * as tf from '@tensorflow/tfjs-core';
import { SIGNAL_WEIGHTS } from '../../../src/shared/interactions/signals';
import { INTERACTION_TYPES } from '../../../src/shared/interactions/types';
import { WINDOW, type Batch } from '../../../src/shared/head/batch';
import { headParamsProblem, type HeadParams } from '../../../src/shared/head/params';
import { PROJECTION_DIMS } from '../../../src/shared/head/space';
import { seededRandom } from '../../../src/shared/random';
import type { SparseRows } from '../../../src/shared/global/sparse-rows';
import { filledSlots, type ItemTensors } from './item-tensors';
import { plainScores, RowsTimesU } from './plain-scores';

/** Width of the learned low-rank interaction between an item and the visitor's profile. */
export const RANK = 8;
/**
 * Features per item: similarity to the liked part of the recent window, to the disliked part,
 * the low-rank interaction, the popularity prior, the shares of attention that liked and that
 * disliked items of the item's category get, and similarity to the long-term profile (every
 * like, no window). One attention distribution covers the window, so the parts weigh what their
 * share of recent, strong signals is (six dislikes outweigh one).
 * Starting weights (chosen on the offline evaluation, docs/evaluation.md): recent and long-term
 * likes pull equally, dislikes push at half that, popularity counts a little (the feed blends
 * the prior in as well, fading as history grows), a category the visitor disliked in is pushed
 * down, and the share of liked items' category starts at 0: at full weight from the start it
 * lowered NDCG (a category is a coarse signal); training raises it where it holds.
 */
const INIT_W = [2, -1, 0, 0.5, 0, -1, 2];
/**
 * The eighth feature, the global score (EASE's prediction for the candidate from the shop's
 * item–item model, src/shared/global/): its starting weight with a model that does not carry its
 * own (`startWeight`, chosen by validation on the shop's log when it is built), 0 without a model
 * (the feature is then always 0).
 */
export const GLOBAL_INIT_W = 1;
const INIT_B = -2;
const DEFAULT_HALF_LIFE_DAYS = 14;

/**
 * Parameters of an untrained head. They reproduce the heuristic profile scorer (event weights as
 * attention, two-week half-life, liked minus 0.6 × disliked cosine), so a new visitor gets
 * sensible scores before any training, and training only has to learn corrections.
 */
export function initialParams(
  dims: number,
  seed = 7,
  /** The shop's global model (its starting head, else its starting weight or GLOBAL_INIT_W), or none. */
  global: SparseRows | boolean | null = false,
): HeadParams {
  const shop = typeof global === 'object' ? global?.startHead : undefined;
  if (shop) {
    return {
      ...shop,
      dims,
      typeLogit: [...shop.typeLogit],
      u: Float32Array.from(shop.u),
      w: [...shop.w],
    };
  }
  const random = seededRandom(seed);
  const typeLogit = INTERACTION_TYPES.map((type) => {
    const weight = type === 'rating' ? 3 : Math.abs(SIGNAL_WEIGHTS[type]);
    return Math.log(Math.max(0.05, weight));
  });
  const decay = Math.LN2 / DEFAULT_HALF_LIFE_DAYS;
  const u = Float32Array.from({ length: PROJECTION_DIMS * RANK }, () => (random() - 0.5) * 0.02);
  const decayRaw = Math.log(Math.expm1(decay));
  const w = [...INIT_W, globalStartWeight(global)];
  return { dims, typeLogit, decayRaw, simGain: 0, u, w, b: INIT_B };
}

/** The starting weight of the global score: the model's own, GLOBAL_INIT_W, or 0 without one. */
export function globalStartWeight(global: SparseRows | boolean | null): number {
  if (global === false || global === null) return 0;
  return global === true ? GLOBAL_INIT_W : (global.startWeight ?? GLOBAL_INIT_W);
}

/**
 * What a training run may change. A visitor's head from the built-in start: everything; from a
 * head the shop learned over many visitors (`startHead`): only the feature weights and the bias
 * (its attention was estimated from far more events than one visitor has, and on MovieLens
 * letting one visitor's history move it lowered NDCG@10). The shop's own training ('shared',
 * scripts/lib/shop-head.ts): all but the low-rank interaction `u`, which is each visitor's own
 * (learned over the pooled log it fitted a shared taste that lowered NDCG@10 on MovieLens by a
 * tenth while lowering the loss: docs/evaluation.md).
 */
export type PersonalPart = 'all' | 'weights' | 'shared';

export function personalPart(global: SparseRows | null | undefined): PersonalPart {
  return global?.startHead ? 'weights' : 'all';
}

/** Whether stored parameters fit this head and an item space of `dims` (older layouts do not). */
export function paramsFit(params: unknown, dims: number): params is HeadParams {
  return paramsProblem(params, dims) === null;
}

/** Why stored parameters do not fit this head (damaged, or another layout), or null. */
export function paramsProblem(params: unknown, dims: number): string | null {
  const shape = {
    dims,
    typeLogit: INTERACTION_TYPES.length,
    u: PROJECTION_DIMS * RANK,
    w: INIT_W.length + 1,
  };
  return headParamsProblem(params, shape);
}

/** The tensors of one training batch: the window's attention inputs and fixed item features. */
interface BatchTensors {
  histType: tf.Tensor2D;
  histAge: tf.Tensor2D;
  pos: tf.Tensor2D;
  neg: tf.Tensor2D;
  sim: tf.Tensor2D;
  same: tf.Tensor2D;
  histProj: tf.Tensor3D;
  candProj: tf.Tensor2D;
  candPrior: tf.Tensor1D;
  candLong: tf.Tensor1D;
  candGlobal: tf.Tensor1D;
}

/** The personal scoring head: a few variables and a forward pass over batches or the catalogue. */
export class ScoringHead {
  readonly typeLogit: tf.Variable<tf.Rank.R1>;
  readonly decayRaw: tf.Variable<tf.Rank.R0>;
  readonly simGain: tf.Variable<tf.Rank.R0>;
  readonly u: tf.Variable<tf.Rank.R2>;
  readonly w: tf.Variable<tf.Rank.R1>;
  readonly b: tf.Variable<tf.Rank.R0>;
  private readonly initW: tf.Tensor1D;
  /** Bumped whenever the weights change, so caches derived from them know they are stale. */
  revision = 0;
  /** The weights as plain arrays at one revision (plainParams). */
  private plain: { revision: number; params: HeadParams } | null = null;
  /** Candidates' projected vectors times U for plainScores, kept while U stays the same. */
  private readonly timesU = new RowsTimesU();

  /**
   * `anchor`: the feature weights training pulls towards (the untrained start: with a global
   * model, its weights), the starting weights when not given.
   */
  constructor(
    readonly params: HeadParams,
    anchor: readonly number[] = params.w,
    /** Which variables training changes (`trainable`). */
    private readonly part: PersonalPart = 'all',
  ) {
    // tf.variable keeps its initial tensor alive unless that is disposed: tidy frees them, and
    // variables survive a tidy.
    const [typeLogit, decayRaw, simGain, u, w, b] = tf.tidy(() =>
      paramTensors(params).map((t) => tf.variable(t)),
    );
    this.typeLogit = typeLogit as tf.Variable<tf.Rank.R1>;
    this.decayRaw = decayRaw as tf.Variable<tf.Rank.R0>;
    this.simGain = simGain as tf.Variable<tf.Rank.R0>;
    this.u = u as tf.Variable<tf.Rank.R2>;
    this.w = w as tf.Variable<tf.Rank.R1>;
    this.b = b as tf.Variable<tf.Rank.R0>;
    this.initW = tf.tensor1d([...anchor]);
  }

  get variables(): tf.Variable[] {
    return [this.typeLogit, this.decayRaw, this.simGain, this.u, this.w, this.b];
  }

  /** The variables training changes (see PersonalPart). */
  get trainable(): tf.Variable[] {
    if (this.part === 'weights') return [this.w, this.b];
    if (this.part === 'shared')
      return [this.typeLogit, this.decayRaw, this.simGain, this.w, this.b];
    return this.variables;
  }

  /**
   * Logits of a batch of (history window, candidate) pairs. Attention depends on the candidate
   * (its similarity to each window item, weighed by the learned simGain); the similarity
   * features are Σ attention × cosine, i.e. the cosine to the pooled profile without pooling
   * vectors. Call inside tf.tidy.
   */
  logits(batch: BatchTensors): tf.Tensor1D {
    const { aPos, aNeg } = this.attention(batch, batch.sim);
    const pooled = tf.squeeze<tf.Tensor2D>(tf.matMul(tf.expandDims(aPos, 1), batch.histProj), [1]);
    const interaction = tf.sum<tf.Tensor1D>(
      tf.mul(tf.matMul(batch.candProj, this.u), tf.matMul(pooled, this.u)),
      1,
    );
    const { candPrior, candLong, candGlobal } = batch;
    return this.combine(aPos, aNeg, batch, interaction, candPrior, candLong, candGlobal);
  }

  /** The logistic layer over the eight features (see INIT_W and GLOBAL_INIT_W). */
  private combine(
    aPos: tf.Tensor2D,
    aNeg: tf.Tensor2D,
    window: { sim: tf.Tensor2D; same: tf.Tensor2D },
    interaction: tf.Tensor1D,
    prior: tf.Tensor1D,
    long: tf.Tensor1D,
    global: tf.Tensor1D,
  ): tf.Tensor1D {
    const { sim, same } = window;
    const features = tf.stack(
      [
        tf.sum(tf.mul(aPos, sim), 1),
        tf.sum(tf.mul(aNeg, sim), 1),
        interaction,
        prior,
        tf.sum(tf.mul(aPos, same), 1),
        tf.sum(tf.mul(aNeg, same), 1),
        long,
        global,
      ],
      1,
    ) as tf.Tensor2D;
    return tf.add(tf.reshape(tf.matMul(features, tf.expandDims(this.w, 1)), [-1]), this.b);
  }

  /** Binary cross-entropy of each example of a batch (call inside tf.tidy). */
  exampleLoss(batch: BatchTensors, label: tf.Tensor1D): tf.Tensor1D {
    const logits = this.logits(batch);
    // Numerically stable BCE on logits: max(x,0) − x·y + log(1 + e^−|x|).
    return tf.add(
      tf.sub(tf.relu(logits), tf.mul(logits, label)),
      tf.log1p(tf.exp(tf.neg(tf.abs(logits)))),
    );
  }

  /** Weighted binary cross-entropy plus L2 pulls towards the untrained head. */
  loss(batch: BatchTensors, label: tf.Tensor1D, weight: tf.Tensor1D, l2: number): tf.Scalar {
    const bce = this.exampleLoss(batch, label);
    const data = tf.div(tf.sum(tf.mul(bce, weight)), tf.add(tf.sum(weight), 1e-6));
    const reg = tf.add(tf.sum(tf.square(this.u)), tf.sum(tf.square(tf.sub(this.w, this.initW))));
    return tf.add<tf.Scalar>(data, tf.mul(reg, l2));
  }

  /**
   * Scores catalogue items for one visitor: the `candidates` rows (all rows when absent), a few
   * matrix–vector products. Reads back asynchronously: WebGPU's synchronous read returns zeros
   * in a dedicated worker.
   */
  async scoreAll(
    items: ItemTensors,
    /** The visitor's long-term profile (`longTermProfile` of the events). */
    longTerm: Float32Array,
    window: Batch,
    candidates?: Int32Array,
    /** The visitor's global score of every row (shared head/global-feature.ts), or null without a model. */
    global: Float32Array | null = null,
  ): Promise<Float32Array> {
    const windowRows = window.histItem.subarray(0, WINDOW);
    if (candidates) {
      // The candidates' similarities to the window and the long-term profile: from a sparse
      // matrix's non-zeros in the worker, from dense rows by one matrix product on the backend.
      // The rest of the forward pass over a few thousand candidates is cheaper in plain
      // JavaScript than as TF.js kernels (plain-scores.ts).
      const similarity = items.sparse
        ? items.similaritiesTo(candidates, windowRows, longTerm)
        : await items.similaritiesOnBackend(candidates, windowRows, longTerm);
      const params = await this.plainParams();
      return plainScores(params, items.space, window, candidates, similarity, global, this.timesU);
    }
    // Every row at once (offline evaluation, small catalogues): the TF.js graph, over the rows
    // uploaded once (ItemTensors.full).
    const scores = tf.tidy(() => {
      const batch = toTensors(window);
      const all = items.full();
      const hist = items.rowsOf(windowRows);
      // Each row's cosine to each window item, and category matches. (A transposed operand
      // takes WASM's slow matmul path: transpose the small side first.) Only the filled slots
      // are multiplied: the empty ones (zero vectors) are 0, padded on.
      const used = filledSlots(windowRows, items.rows);
      const sim: tf.Tensor2D =
        used === 0
          ? tf.zeros<tf.Rank.R2>([all.rows, WINDOW])
          : tf.pad(
              tf.matMul(
                all.v,
                tf.transpose<tf.Tensor2D>(items.vectorsOf(windowRows.subarray(0, used))),
              ),
              [
                [0, 0],
                [0, WINDOW - used],
              ],
            );
      const categories = (ids: tf.Tensor1D) =>
        tf.cast(tf.oneHot(ids, items.categories + 1), 'float32') as tf.Tensor2D;
      const same: tf.Tensor2D = tf.matMul(
        categories(all.category),
        tf.transpose<tf.Tensor2D>(categories(hist.category)),
      );
      const { aPos, aNeg } = this.attention(batch, sim);
      const windowU = tf.matMul(hist.projected, this.u);
      const zu = items.projectedTimes(this.u, this.revision);
      const interaction = tf.sum<tf.Tensor1D>(tf.mul(zu, tf.matMul(aPos, windowU)), 1);
      const long = tf.reshape<tf.Rank.R1>(
        tf.matMul(all.v, tf.tensor2d(longTerm, [items.space.dims, 1])),
        [-1],
      );
      const logits = this.combine(
        aPos,
        aNeg,
        { sim, same },
        interaction,
        all.prior,
        long,
        tf.tensor1d(global ?? new Float32Array(all.rows)),
      );
      return tf.slice(logits, [0], [all.rows]);
    });
    try {
      return (await scores.data()) as Float32Array;
    } finally {
      scores.dispose();
    }
  }

  /** The current parameters as plain arrays, read back once per revision of the weights. */
  private async plainParams(): Promise<HeadParams> {
    const kept = this.plain;
    if (kept?.revision === this.revision) return kept.params;
    const revision = this.revision;
    const params = await this.snapshot();
    this.plain = { revision, params };
    return params;
  }

  /** The current parameters as plain arrays. */
  async snapshot(): Promise<HeadParams> {
    const [typeLogit, decayRaw, simGain, u, w, b] = await Promise.all(
      this.variables.map((v) => v.data()),
    );
    return {
      dims: this.params.dims,
      typeLogit: Array.from(typeLogit ?? []),
      decayRaw: decayRaw?.[0] ?? 0,
      simGain: simGain?.[0] ?? 0,
      u: Float32Array.from(u ?? []),
      w: Array.from(w ?? []),
      b: b?.[0] ?? 0,
    };
  }

  /** Sets the variables back to a snapshot (the best epoch, after early stopping). */
  restore(params: HeadParams): void {
    // assign() shares the new tensor's data; tidy frees the tensor itself.
    tf.tidy(() => {
      const values = paramTensors(params);
      this.variables.forEach((variable, i) => {
        const value = values[i];
        if (value) variable.assign(value);
      });
    });
    this.revision += 1;
  }

  dispose(): void {
    for (const variable of this.variables) variable.dispose();
    this.initW.dispose();
  }

  /**
   * One attention distribution over each window (signal type, age and similarity to the
   * candidate), split into its liked and disliked parts: their sums carry their share of it.
   * `sim` has one row per candidate; the window inputs broadcast across candidates.
   */
  private attention(
    batch: Pick<BatchTensors, 'histType' | 'histAge' | 'pos' | 'neg'>,
    sim: tf.Tensor2D,
  ) {
    const decay = tf.softplus(this.decayRaw);
    // A one-hot product, not a gather: the WASM backend has no kernel for gather's gradient.
    const types = tf.oneHot(tf.reshape(batch.histType, [-1]), INTERACTION_TYPES.length);
    const typeScore = tf.reshape<tf.Rank.R2>(
      tf.matMul(tf.cast(types, 'float32'), tf.expandDims(this.typeLogit, 1)),
      batch.histAge.shape,
    );
    const score = tf.add<tf.Tensor2D>(
      tf.sub(typeScore, tf.mul(decay, batch.histAge)),
      tf.mul(this.simGain, sim),
    );
    const attention = maskedSoftmax(score, tf.add(batch.pos, batch.neg));
    return {
      aPos: tf.mul<tf.Tensor2D>(attention, batch.pos),
      aNeg: tf.mul<tf.Tensor2D>(attention, batch.neg),
    };
  }
}

/** The parameters as tensors, in the order of ScoringHead.variables (call inside tf.tidy). */
function paramTensors(params: HeadParams): tf.Tensor[] {
  return [
    tf.tensor1d(params.typeLogit),
    tf.scalar(params.decayRaw),
    tf.scalar(params.simGain),
    tf.tensor2d(params.u, [PROJECTION_DIMS, RANK]),
    tf.tensor1d(params.w),
    tf.scalar(params.b),
  ];
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
    histType: tf.tensor2d(batch.histType, shape, 'int32'),
    histAge: tf.tensor2d(batch.histAge, shape),
    pos: tf.cast<tf.Tensor2D>(tf.greater(sign, 0), 'float32'),
    neg: tf.cast<tf.Tensor2D>(tf.less(sign, 0), 'float32'),
    sim: tf.tensor2d(batch.histSim, shape),
    same: tf.tensor2d(batch.histSame, shape),
    histProj: tf.tensor3d(batch.histProj, [batch.size, WINDOW, PROJECTION_DIMS]),
    candProj: tf.tensor2d(batch.candProj, [batch.size, PROJECTION_DIMS]),
    candPrior: tf.tensor1d(batch.candPrior),
    candLong: tf.tensor1d(batch.candLong),
    candGlobal: tf.tensor1d(batch.candGlobal),
  };
}
