import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../../scripts/lib/tf-node';
import { headEvents } from '../../../src/shared/head/events';
import { longTermProfile } from '../../../src/shared/head/profile';
import { scoringBatch, toBatch } from '../../../src/shared/head/features';
import { headSpace } from '../../../src/shared/head/space';
import { compactMatrix, matrixForm, normalize } from '../../../src/shared/ranking/matrix';
import { fromRowLists } from '../../../src/shared/global/sparse-rows';
import { aggregateSignals } from '../../../src/shared/interactions/signals';
import { headScores } from './head-personal';
import { filledSlots, ItemTensors } from './item-tensors';
import { initialParams, ScoringHead, toTensors, type PersonalPart } from './scoring-head';
import { likes, testSpace } from '../../../test/head-space';
import { FULL_TRAINING, INCREMENTAL_TRAINING, fitTable, trainHead } from './trainer';

/** Full training with a light pull towards the start (the fixture's history is short). */
const LIGHT_PULL = { ...FULL_TRAINING, priorStrength: 2 };
import { buildExamples, type Example } from '../../../src/shared/head/examples';
import { mixedSampler } from '../../../src/shared/head/negatives';
import { splitRecent } from '../../../src/shared/head/split';
import { seededRandom } from '../../../src/shared/random';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

const f = testSpace();
const space = headSpace(f.matrix, f.items, f.prior);
const events = headEvents(likes(12), f.indexOf);

/**
 * Likes of category 2 items only, whose items the popularity prior ranks low: the starting
 * weights (popularity counts) have something to learn.
 */
const cat2 = Array.from({ length: 10 }, (_, n) => ({
  type: 'like' as const,
  itemId: `i${38 - 4 * n}`,
  ts: Date.UTC(2026, 0, 1) + n * 86_400_000,
}));

describe('ScoringHead', () => {
  it('scores candidates of a sparse matrix in plain JavaScript as the dense TF.js path does', async () => {
    const dims = 64;
    const data = new Float32Array(40 * dims);
    for (let r = 0; r < 40; r++) {
      data[r * dims + (r % 4)] = 1;
      data[r * dims + 4 + ((r * 7) % 60)] = 0.6;
      normalize(data.subarray(r * dims, (r + 1) * dims));
    }
    const matrix = compactMatrix({ rows: 40, dims, data });
    expect(matrixForm(matrix)).toBe('int8-sparse');
    const sparseSpace = headSpace(matrix, f.items, f.prior);
    const tensors = new ItemTensors(sparseSpace);
    expect(tensors.sparse).toBe(true);
    // Weights away from the start, so that every term of the forward pass counts.
    const start = initialParams(dims, 5);
    const head = new ScoringHead({
      ...start,
      typeLogit: start.typeLogit.map((v, i) => v + 0.3 * Math.cos(i)),
      decayRaw: 0.4,
      simGain: 1.7,
      u: Float32Array.from(start.u, (_, i) => 0.6 * Math.sin(i)),
      w: start.w.map((v, i) => v + 0.2 * (i - 3)),
      b: -0.3,
    });
    // Likes, a view and two dislikes: both sides of the attention are used.
    const history = headEvents(
      [
        ...likes(12),
        { type: 'view' as const, itemId: 'i21', ts: Date.UTC(2026, 0, 14) },
        { type: 'dislike' as const, itemId: 'i9', ts: Date.UTC(2026, 0, 15) },
        { type: 'dislike' as const, itemId: 'i26', ts: Date.UTC(2026, 0, 16) },
      ],
      f.indexOf,
    );
    const window = scoringBatch(history, sparseSpace, Date.UTC(2026, 0, 20));
    const longTerm = longTermProfile(history, sparseSpace);
    const global = Float32Array.from({ length: 40 }, (_, i) => ((i * 3) % 7) / 7);
    // Every row at once goes through dense tensors; candidates through the non-zeros and the
    // plain-JavaScript forward pass (plain-scores.ts).
    const all = await head.scoreAll(tensors, longTerm, window, undefined, global);
    const before = tf.memory().numTensors;
    const candidates = Int32Array.from([3, 7, 20, 26, 33, 39]);
    const some = await head.scoreAll(tensors, longTerm, window, candidates, global);
    expect(tf.memory().numTensors).toBe(before);
    candidates.forEach((row, i) => {
      expect(some[i]).toBeCloseTo(all[row] ?? NaN, 4);
    });
    expect(new Set(some).size).toBeGreaterThan(1);
    // New weights (a training run restores its best epoch): the products with U kept for the
    // candidates are computed again, not reused.
    head.restore({
      ...(await head.snapshot()),
      u: Float32Array.from(start.u, (_, i) => Math.cos(i)),
    });
    const allAfter = await head.scoreAll(tensors, longTerm, window, undefined, global);
    const someAfter = await head.scoreAll(tensors, longTerm, window, candidates, global);
    candidates.forEach((row, i) => {
      expect(someAfter[i]).toBeCloseTo(allAfter[row] ?? NaN, 4);
      expect(Math.abs((someAfter[i] ?? 0) - (some[i] ?? 0))).toBeGreaterThan(1e-3);
    });
    head.dispose();
    tensors.dispose();
  });

  it('scores dense candidates with a part-filled window as the training graph does', async () => {
    // Five events: 45 of the 50 window slots are empty, and only the filled ones are multiplied.
    const history = headEvents(likes(5), f.indexOf);
    const now = Date.UTC(2026, 0, 20);
    const window = scoringBatch(history, space, now);
    expect(filledSlots(window.histItem.subarray(0, 50), space.rows)).toBe(5);
    const tensors = new ItemTensors(space);
    expect(tensors.sparse).toBe(false);
    const head = new ScoringHead(initialParams(space.dims, 5));
    const candidates = Int32Array.from([2, 5, 11, 30, 39]);
    const before = tf.memory().numTensors;
    // The similarities by one matrix product on the backend, the rest in plain JavaScript.
    const scores = await head.scoreAll(
      tensors,
      longTermProfile(history, space),
      window,
      candidates,
    );
    expect(tf.memory().numTensors).toBe(before);
    // The reference: the same candidates as training examples at the end of the history, their
    // window similarities computed in plain arrays (toBatch), through the training graph.
    const examples = Array.from(candidates, (cand) => ({
      at: history.length,
      cand,
      label: 0 as const,
      weight: 1,
    }));
    const logits = tf.tidy(() => head.logits(toTensors(toBatch(history, examples, space, now))));
    const reference = await logits.data();
    logits.dispose();
    candidates.forEach((_, i) => {
      expect(scores[i]).toBeCloseTo(reference[i] ?? NaN, 4);
    });
    expect(new Set(scores).size).toBeGreaterThan(1);
    // The candidates' upload buffer is kept between requests (on this CPU backend the tensor
    // even reads it in place): fewer candidates after more score the same rows the same.
    const again = await head.scoreAll(
      tensors,
      longTermProfile(history, space),
      window,
      Int32Array.from([39, 2]),
    );
    expect(again[0]).toBeCloseTo(scores[4] ?? NaN, 6);
    expect(again[1]).toBeCloseTo(scores[0] ?? NaN, 6);
    head.dispose();
    tensors.dispose();
  });

  it('counts the filled slots of a window up to the last event', () => {
    expect(filledSlots(Int32Array.from([3, 4, 40, 40]), 40)).toBe(2);
    expect(filledSlots(Int32Array.from([40, 40]), 40)).toBe(0);
    expect(filledSlots(Int32Array.from([1, 40, 2]), 40)).toBe(3);
  });

  it('keeps no tensor alive after construction, restore or dispose', () => {
    const before = tf.memory().numTensors;
    const head = new ScoringHead(initialParams(f.matrix.dims));
    expect(tf.memory().numTensors - before).toBe(head.variables.length + 1);
    head.restore(initialParams(f.matrix.dims, 9));
    expect(tf.memory().numTensors - before).toBe(head.variables.length + 1);
    head.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('holds the tensor count flat over 50 training runs', async () => {
    const head = new ScoringHead(initialParams(f.matrix.dims));
    const counts: number[] = [];
    for (let run = 0; run < 50; run++) {
      const report = await trainHead(head, space, events.slice(0, 8 + (run % 4)), {
        ...INCREMENTAL_TRAINING,
        seed: run,
      });
      expect(report.held).toBeGreaterThan(0);
      counts.push(tf.memory().numTensors);
    }
    head.dispose();
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(counts[49]).toBe(counts[0]);
  }, 60_000);

  it('keeps the starting weights when every epoch makes the held-out loss worse', async () => {
    const start = initialParams(f.matrix.dims);
    const head = new ScoringHead(start);
    // A step this large throws the weights far off: no epoch can beat where they started.
    const report = await trainHead(head, space, events, {
      ...FULL_TRAINING,
      epochs: 2,
      learningRate: 1000,
    });
    const after = await head.snapshot();
    head.dispose();
    expect(report.held).toBeGreaterThan(0);
    expect(after.w).toEqual(start.w.map((w) => Math.fround(w)));
    expect(Array.from(after.u)).toEqual(Array.from(start.u));
  });

  it('keeps the starting weights unless the held-out gain is beyond acceptZ standard errors', async () => {
    const start = initialParams(f.matrix.dims);
    const trained = async (acceptZ: number) => {
      const head = new ScoringHead(start);
      // A light pull towards the start, so that this short history can move the head at all.
      await trainHead(head, space, headEvents(cat2, f.indexOf), { ...LIGHT_PULL, acceptZ });
      const after = await head.snapshot();
      head.dispose();
      return after.w;
    };
    const startW = start.w.map((w) => Math.fround(w));
    // Any improvement is kept at 0; no run clears a bar a million standard errors high.
    expect(await trained(0)).not.toEqual(startW);
    expect(await trained(1e6)).toEqual(startW);
  });

  it('refuses a run that lowers the held-out loss but ranks the ranking check lower', async () => {
    // Starting weights against the visitor's taste: similarity and shared category count down.
    const start = initialParams(f.matrix.dims);
    start.w = start.w.map((w, i) => (i === 0 || i === 4 || i === 6 ? -0.5 : w));
    const history = headEvents(cat2, f.indexOf);
    const examples = buildExamples(history, mixedSampler(space, history, seededRandom(5)));
    const { train, valid } = splitRecent(examples);
    const table = toBatch(history, [...train, ...valid], space);
    /** One held-out positive ranked against `negatives` after the whole history. */
    const check = (positive: number, negatives: number[]) => ({
      table: toBatch(
        history,
        [positive, ...negatives].map((cand, k): Example => ({
          at: history.length,
          cand,
          label: k === 0 ? 1 : 0,
          weight: 1,
        })),
        space,
      ),
      group: new Int32Array(1 + negatives.length),
    });
    const run = async (rankCheck?: ReturnType<typeof check>) => {
      const head = new ScoringHead(start);
      const options = { ...FULL_TRAINING, acceptZ: 0 };
      await fitTable(head, table, train.length, options, seededRandom(2), rankCheck);
      const { w } = await head.snapshot();
      head.dispose();
      return w;
    };
    const startW = start.w.map((w) => Math.fround(w));
    // The loss alone keeps the run: it learns the taste for category 2.
    expect(await run()).not.toEqual(startW);
    // A check whose positive is of category 3 (first at the start, against three items of
    // category 2) ranks lower after that run: refused.
    expect(await run(check(39, [38, 34, 30]))).toEqual(startW);
    // One whose positive is of category 2 ranks higher after it: kept.
    expect(await run(check(38, [39, 35, 31]))).not.toEqual(startW);
  });

  it('changes only the part it may train: the weights from a shop head, all but u for the shop', async () => {
    const start = initialParams(f.matrix.dims);
    const trained = async (part: PersonalPart) => {
      const head = new ScoringHead(start, start.w, part);
      await trainHead(head, space, headEvents(cat2, f.indexOf), { ...LIGHT_PULL, acceptZ: 0 });
      const after = await head.snapshot();
      head.dispose();
      return after;
    };
    const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      expect(Array.from(a)).toEqual(Array.from(b, (x) => Math.fround(x)));
    };
    const weights = await trained('weights');
    expect(weights.w).not.toEqual(start.w.map((w) => Math.fround(w)));
    same(weights.typeLogit, start.typeLogit);
    same([weights.decayRaw, weights.simGain], [start.decayRaw, start.simGain]);
    same(weights.u, start.u);
    const shared = await trained('shared');
    expect(shared.typeLogit).not.toEqual(start.typeLogit.map((t) => Math.fround(t)));
    same(shared.u, start.u);
    const all = await trained('all');
    expect(Array.from(all.u)).not.toEqual(Array.from(start.u));
  });
});

describe('the global feature', () => {
  // Every item's row points at item 39 (category 3, which the visitor never liked).
  const model = fromRowLists(
    f.items.map((_, i) => (i === 39 ? [] : [{ col: 39, val: 1 }])),
    1,
  );
  const history = likes(12);
  const now = Date.UTC(2026, 0, 20);

  async function rankOf(item: number, global: boolean, params = global): Promise<number> {
    const items = new ItemTensors(headSpace(f.matrix, f.items, f.prior, global ? model : null));
    const head = new ScoringHead(initialParams(f.matrix.dims, 7, params));
    try {
      const signals = aggregateSignals(history, f.indexOf, now);
      const input = { history, signals, matrix: f.matrix, indexOf: f.indexOf, now };
      const result = await headScores(head, items, input);
      const scores = result?.scores ?? new Float32Array();
      expect(result?.grounded).toBe(global);
      return [...scores].filter((s) => s > (scores[item] ?? 0)).length;
    } finally {
      head.dispose();
      items.dispose();
    }
  }

  it('lifts what the model predicts in the untrained head, and only with a model', async () => {
    expect(await rankOf(39, false)).toBeGreaterThan(10);
    expect(await rankOf(39, true)).toBe(0);
    // The model's feature without its weight (the built-in start) changes nothing.
    expect(await rankOf(39, true, false)).toBe(await rankOf(39, false));
  });

  it('is part of the training examples and keeps the weights that start from it in reach', async () => {
    const withModel = headSpace(f.matrix, f.items, f.prior, model);
    const start = initialParams(f.matrix.dims, 7, true);
    const head = new ScoringHead(start);
    const report = await trainHead(head, withModel, events, FULL_TRAINING);
    const after = await head.snapshot();
    head.dispose();
    expect(report.held).toBeGreaterThan(0);
    expect(after.w).toHaveLength(8);
    expect(after.w.every(Number.isFinite)).toBe(true);
  });
});
