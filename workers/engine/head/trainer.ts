import * as tf from '@tensorflow/tfjs-core';
import type { CancelSignal } from '../../../src/shared/encoder/encoder';
import type { TrainReport } from '../../../src/shared/engine-api';
import { PrivateRecsError } from '../../../src/shared/errors';
import { buildExamples } from '../../../src/shared/head/examples';
import { mixedSampler } from '../../../src/shared/head/negatives';
import { selectRows, type Batch } from '../../../src/shared/head/batch';
import { splitRecent } from '../../../src/shared/head/split';
import { groupGains, meanGain, rankCheckRows } from '../../../src/shared/head/rank-check';
import { toBatch } from '../../../src/shared/head/features';
import type { HeadEvent } from '../../../src/shared/head/events';
import type { HeadSpace } from '../../../src/shared/head/space';
import { seededRandom } from '../../../src/shared/random';
import type { HeadParams } from '../../../src/shared/head/params';
import { toTensors, type ScoringHead } from './scoring-head';
import { backgroundTurn } from '../foreground';

export interface TrainOptions {
  epochs: number;
  /** Epochs without improvement on the held-out recent examples before stopping. */
  patience: number;
  batchSize: number;
  learningRate: number;
  /**
   * Pull towards the untrained head, divided by the number of examples (a fixed prior in MAP
   * terms): a visitor with three interactions barely moves the head, one with 3,000 moves it freely.
   * 8 rather than 2: the shop's pooled head ranked better pulled harder towards the built-in
   * start, and a visitor's run with 20–49 interactions stopped falling below the shop's model
   * (docs/evaluation.md, "The pull towards the start").
   */
  priorStrength: number;
  /**
   * A trained run is kept only when its held-out loss beats the starting weights' by this many
   * standard errors of the paired per-example difference (0: any improvement); otherwise the
   * run keeps the weights it started from. 0 let fine-tuning fall below the global model on
   * both evaluation sets, 2 did not (docs/evaluation.md). A visitor's run must also not rank
   * the held-out events lower (rank-check.ts).
   */
  acceptZ: number;
  /** Only the most recent examples are used: bounds the cost of long histories. */
  maxExamples: number;
  seed: number;
  signal?: CancelSignal;
  /** Called after each epoch and awaited: the run is between epochs, weights not yet saved. */
  onEpoch?: (epoch: number, epochs: number) => Promise<void>;
}

export const FULL_TRAINING: TrainOptions = {
  epochs: 30,
  patience: 3,
  batchSize: 256,
  learningRate: 0.03,
  priorStrength: 8,
  acceptZ: 2,
  maxExamples: 5_000,
  seed: 1,
};

/** After one new interaction: a few epochs from the current weights on recent examples. */
export const INCREMENTAL_TRAINING: TrainOptions = { ...FULL_TRAINING, epochs: 4, maxExamples: 500 };

/** The settings of each kind of run the schedule (train-schedule.ts) asks for. */
export const TRAINING = { full: FULL_TRAINING, incremental: INCREMENTAL_TRAINING } as const;

/**
 * Trains the head on the visitor's history; restores the best epoch when early stopping. Item
 * features of every example are computed once, then epochs reshuffle rows of that table.
 */
export async function trainHead(
  head: ScoringHead,
  space: HeadSpace,
  events: readonly HeadEvent[],
  options: TrainOptions,
): Promise<TrainReport> {
  // Building the examples of a long history is one long step: not while a feed is being ranked.
  await backgroundTurn();
  const started = performance.now();
  const random = seededRandom(options.seed + events.length);
  const sample = mixedSampler(space, events, random);
  const examples = buildExamples(events, sample).slice(-options.maxExamples);
  const { train, valid } = splitRecent(examples);
  const table = toBatch(events, [...train, ...valid], space);
  // The ranking half of the acceptance test: its own sampler and draws, so that the training
  // run itself is the same with or without it.
  const check = rankCheckRows(
    valid,
    mixedSampler(space, events, seededRandom(options.seed + events.length + 1)),
  );
  const fit = await fitTable(head, table, train.length, options, random, {
    table: toBatch(events, check.examples, space),
    group: check.group,
  });
  return { ...fit, ms: Math.round(performance.now() - started) };
}

/**
 * The training loop on a table of examples whose first `trainCount` rows train and the rest are
 * held out: epochs of shuffled batches, early stopping on the held-out loss, the best epoch
 * restored and kept only when it beats the start (acceptZ). A visitor's history on the device
 * and the shop's pooled log at build time (scripts/lib/shop-head.ts) train through it alike.
 */
export async function fitTable(
  head: ScoringHead,
  table: Batch,
  trainCount: number,
  options: TrainOptions,
  random: () => number,
  /**
   * Held-out positives ranked among sampled items (rank-check.ts): a trained run that ranks
   * them lower on average than the start did is refused. Without it, the loss decides.
   */
  rankCheck?: { table: Batch; group: Int32Array },
): Promise<Omit<TrainReport, 'ms'>> {
  const validCount = table.size - trainCount;
  const trainRows = Array.from({ length: trainCount }, (_, i) => i);
  const validRows = selectRows(
    table,
    Array.from({ length: validCount }, (_, i) => trainCount + i),
  );
  const l2 = options.priorStrength / Math.max(1, trainCount);
  const optimizer = tf.train.adam(options.learningRate);
  const trains = trainCount > 0 && validCount > 0;
  // Epoch 0 competes too: a run that only makes the held-out loss worse keeps where it started.
  const start: { loss: number; params: HeadParams } | null = trains
    ? { loss: await evaluate(head, validRows), params: await head.snapshot() }
    : null;
  let best = start;
  let sinceBest = 0;
  let epochs = 0;
  try {
    // Without held-out examples nothing can tell whether training helps, and on a handful of
    // events it overfits (−13 % NDCG@10 on the Amazon set): keep the starting weights then.
    for (; epochs < options.epochs && trains; epochs++) {
      for (const chunk of shuffled(trainRows, random, options.batchSize)) {
        if (options.signal?.aborted)
          throw new PrivateRecsError('cancelled', 'Training was cancelled.');
        tf.tidy(() => {
          const batch = selectRows(table, chunk);
          const label = tf.tensor1d(batch.label);
          const weight = tf.tensor1d(batch.weight);
          optimizer.minimize(
            () => head.loss(toTensors(batch), label, weight, l2),
            false,
            head.trainable,
          );
        });
        head.revision += 1;
        // Let cancellation and other RPC calls in between batches, ahead of the next one.
        await backgroundTurn();
      }
      await options.onEpoch?.(epochs + 1, options.epochs);
      const loss = await evaluate(head, validRows);
      if (!best || loss < best.loss - 1e-4) {
        best = { loss, params: await head.snapshot() };
        sinceBest = 0;
      } else if (++sinceBest >= options.patience) {
        epochs += 1;
        break;
      }
    }
    if (best && start && best !== start) {
      const improved = await significantlyBetter(head, start.params, best.params, validRows);
      if (!improved(options.acceptZ)) best = start;
    }
    if (best && start && best !== start && rankCheck && rankCheck.group.length > 0) {
      const before = groupGains(
        await logitsWith(head, start.params, rankCheck.table),
        rankCheck.group,
      );
      const after = groupGains(
        await logitsWith(head, best.params, rankCheck.table),
        rankCheck.group,
      );
      if (meanGain(before, after) < 0) best = start;
    }
    if (best) head.restore(best.params);
  } finally {
    optimizer.dispose();
  }
  return {
    examples: trainCount,
    held: validCount,
    epochs,
    trainLoss: await evaluate(head, selectRows(table, trainRows.slice(-1024))),
    validLoss: best?.loss ?? null,
  };
}

/**
 * Whether `trained` beats `start` on a batch by more than z standard errors (pairedGain), read
 * from the per-example losses under both (the head is left with `trained`).
 */
async function significantlyBetter(
  head: ScoringHead,
  start: HeadParams,
  trained: HeadParams,
  batch: Batch,
): Promise<(z: number) => boolean> {
  const before = await exampleLosses(head, start, batch);
  const after = await exampleLosses(head, trained, batch);
  const { mean, se } = pairedGain(before, after, batch.weight);
  return (z) => mean > 0 && (z === 0 || mean > z * se);
}

/**
 * The weighted mean loss reduction from `before` to `after` on the same examples and its
 * standard error (a paired comparison: each example's difference, weighted as in the loss).
 */
export function pairedGain(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  weight: ArrayLike<number>,
): { mean: number; se: number } {
  const n = before.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weight[i] ?? 0;
  if (n === 0 || total <= 0) return { mean: 0, se: 0 };
  const d = Array.from({ length: n }, (_, i) => {
    const gain = (before[i] ?? 0) - (after[i] ?? 0);
    return (gain * (weight[i] ?? 0) * n) / total;
  });
  const mean = d.reduce((sum, x) => sum + x, 0) / n;
  const variance = n > 1 ? d.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1) : Infinity;
  return { mean, se: Math.sqrt(variance / n) };
}

/** Per-example loss of the head with `params` on a batch (the head is left with `params`). */
async function exampleLosses(head: ScoringHead, params: HeadParams, batch: Batch) {
  head.restore(params);
  const losses = tf.tidy(() => head.exampleLoss(toTensors(batch), tf.tensor1d(batch.label)));
  try {
    return (await losses.data()) as Float32Array;
  } finally {
    losses.dispose();
  }
}

/** The head's logits with `params` on a batch (the head is left with `params`). */
async function logitsWith(head: ScoringHead, params: HeadParams, batch: Batch) {
  head.restore(params);
  const logits = tf.tidy(() => head.logits(toTensors(batch)));
  try {
    return (await logits.data()) as Float32Array;
  } finally {
    logits.dispose();
  }
}

/** Mean weighted loss of the head on a batch (no L2 term), read back asynchronously. */
export async function evaluate(head: ScoringHead, batch: Batch): Promise<number> {
  if (batch.size === 0) return 0;
  const loss = tf.tidy(() =>
    head.loss(toTensors(batch), tf.tensor1d(batch.label), tf.tensor1d(batch.weight), 0),
  );
  try {
    return (await loss.data())[0] ?? NaN;
  } finally {
    loss.dispose();
  }
}

function shuffled(rows: readonly number[], random: () => number, size: number): number[][] {
  const order = [...rows];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const chunks: number[][] = [];
  for (let i = 0; i < order.length; i += size) chunks.push(order.slice(i, i + size));
  return chunks;
}
