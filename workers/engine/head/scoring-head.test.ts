import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../../scripts/lib/tf-node';
import { headEvents, longTermProfile, scoringBatch } from '../../../src/shared/ranking/examples';
import { headSpace } from '../../../src/shared/ranking/head-space';
import { compactMatrix, matrixForm, normalize } from '../../../src/shared/ranking/matrix';
import { ItemTensors } from './item-tensors';
import { initialParams, ScoringHead } from './scoring-head';
import { likes, testSpace } from './test-space';
import { FULL_TRAINING, INCREMENTAL_TRAINING, trainHead } from './trainer';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

const f = testSpace();
const space = headSpace(f.matrix, f.items, f.prior);
const events = headEvents(likes(12), f.indexOf);

describe('ScoringHead', () => {
  it('scores candidates of a sparse matrix from its non-zeros as the dense path does', async () => {
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
    const head = new ScoringHead(initialParams(dims, 5));
    const history = headEvents(likes(12), f.indexOf);
    const window = scoringBatch(history, sparseSpace, Date.UTC(2026, 0, 20));
    const longTerm = longTermProfile(history, sparseSpace);
    // Every row at once goes through dense tensors; candidates through the non-zeros.
    const all = await head.scoreAll(tensors, longTerm, window);
    const before = tf.memory().numTensors;
    const candidates = Int32Array.from([3, 7, 20, 33, 39]);
    const some = await head.scoreAll(tensors, longTerm, window, candidates);
    expect(tf.memory().numTensors).toBe(before);
    candidates.forEach((row, i) => {
      expect(some[i]).toBeCloseTo(all[row] ?? NaN, 4);
    });
    expect(new Set(some).size).toBeGreaterThan(1);
    head.dispose();
    tensors.dispose();
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
});
