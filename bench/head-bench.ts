import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../src/shared/engine-api';
import { INTERACTION_TYPES, type Interaction } from '../src/shared/interactions/types';
import { headEvents } from '../src/shared/head/events';
import { recommendFeed } from '../src/shared/ranking/feed';
import {
  compactRows,
  matrixBytes,
  normalize,
  row,
  similarities,
} from '../src/shared/ranking/matrix';
import { seededRandom } from '../src/shared/random';
import { headSpace } from '../src/shared/head/space';
import { TrainedHeadScorer } from '../workers/engine/head/head-personal';
import { ItemTensors } from '../workers/engine/head/item-tensors';
import { initialParams, ScoringHead } from '../workers/engine/head/scoring-head';
import { initTfBackend } from '../workers/engine/head/tf-backend';
import { FULL_TRAINING, INCREMENTAL_TRAINING, trainHead } from '../workers/engine/head/trainer';
import type { HeadBenchApi } from './bench-api';

const CATEGORIES = 18;
const now = Date.UTC(2026, 10, 22);

/**
 * A synthetic catalogue: clustered unit vectors (one centre per category), a skewed prior. The
 * matrix is compact (int8, dense), as the engine holds shipped or model vectors, and is built
 * row by row, so a million rows never exist as floats.
 */
function catalogue(rows: number, dims: number) {
  const random = seededRandom(rows + dims);
  const centres = Array.from({ length: CATEGORIES }, () =>
    normalize(Float32Array.from({ length: dims }, () => random() - 0.5)),
  );
  const matrix = compactRows(rows, dims, (i, v) => {
    const c = i % CATEGORIES;
    for (let d = 0; d < dims; d++) v[d] = (centres[c]?.[d] ?? 0) + (random() - 0.5) * 0.08;
    normalize(v);
  });
  const items = Array.from({ length: rows }, (_, i) => ({
    id: `i${i}`,
    title: `Item ${i}`,
    category: `C${i % CATEGORIES} > S`,
    popularity: random() ** 4,
  }));
  const prior = Float32Array.from(items, (item) => Math.sqrt(item.popularity));
  return { items, matrix, prior, indexOf: new Map(items.map((it, i) => [it.id, i])) };
}

/** A synthetic visitor: mostly positive events around three favourite categories, some dislikes. */
function history(count: number, rows: number): Interaction[] {
  const random = seededRandom(count);
  return Array.from({ length: count }, (_, i) => {
    const favourite = Math.floor(random() * 3);
    const item = (Math.floor(random() * (rows / CATEGORIES)) * CATEGORIES + favourite) % rows;
    const types = INTERACTION_TYPES.filter((t) => t !== 'rating' && t !== 'impression');
    const type =
      random() < 0.1 ? 'dislike' : (types[Math.floor(random() * (types.length - 1))] ?? 'view');
    return { type, itemId: `i${item}`, ts: now - (count - i) * 60_000 };
  });
}

async function useBackend(backend: string): Promise<void> {
  const { backend: got } = await initTfBackend(backend as BackendName);
  if (got !== backend) throw new Error(`backend ${backend} unavailable (got ${got})`);
}

export const headBench: HeadBenchApi = {
  async rerank(backend, rows, dims) {
    await useBackend(backend);
    const heapBefore = heapMB();
    const { items, matrix, prior, indexOf } = catalogue(rows, dims);
    const tensors = new ItemTensors(headSpace(matrix, items, prior));
    const head = new ScoringHead(initialParams(dims));
    const events = history(50, rows);
    const input = {
      items,
      matrix,
      prior,
      indexOf,
      history: events,
      scorer: new TrainedHeadScorer(head, tensors),
      now,
    };
    const feed = (candidates?: 'all') => recommendFeed({ ...input, candidates }, { count: 10 });
    // The bare reference: one scan of the same compact matrix by one dense query.
    const query = row(matrix, 0).slice();
    const bare = () => Promise.resolve(similarities(matrix, query));
    const rerankMs = await median(() => feed());
    const bareDotMs = await median(bare);
    // The whole catalogue through the head uploads every row as floats: not at a million rows.
    const wholeCatalogueMs =
      rows > 200_000 ? null : await median(() => feed('all'), rows > 50_000 ? 1 : 3);
    const tensorMB = tf.memory().numBytes / 1024 / 1024;
    const heap = heapMB();
    head.dispose();
    tensors.dispose();
    return {
      backend,
      rows,
      dims,
      rerankMs: round(rerankMs),
      wholeCatalogueMs: wholeCatalogueMs === null ? null : round(wholeCatalogueMs),
      matrixMB: Math.round(matrixBytes(matrix) / 1024 / 1024),
      bareDotMs: round(bareDotMs),
      ratioToBare: Math.round((rerankMs / bareDotMs) * 100) / 100,
      tensorMB: Math.round(tensorMB),
      heapMB: heap === null || heapBefore === null ? null : Math.round(heap - heapBefore),
    };
  },

  async train(backend, rows, dims, interactions) {
    await useBackend(backend);
    const { items, matrix, prior, indexOf } = catalogue(rows, dims);
    const tensors = new ItemTensors(headSpace(matrix, items, prior));
    const head = new ScoringHead(initialParams(dims));
    const events = headEvents(history(interactions + 1, rows), indexOf);
    let start = performance.now();
    const full = await trainHead(head, tensors.space, events.slice(0, -1), FULL_TRAINING);
    const fullMs = performance.now() - start;
    start = performance.now();
    await trainHead(head, tensors.space, events, INCREMENTAL_TRAINING);
    const incrementalMs = performance.now() - start;
    head.dispose();
    tensors.dispose();
    return {
      backend,
      interactions,
      fullMs: Math.round(fullMs),
      epochs: full.epochs,
      incrementalMs: Math.round(incrementalMs),
    };
  },
};

/** Median time of `runs` calls after one warm-up call (kernels, shader compilation, caches). */
async function median(call: () => Promise<unknown>, runs = 5): Promise<number> {
  await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[runs >> 1] ?? NaN;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Chromium's non-standard heap size, where the worker exposes it. */
function heapMB(): number | null {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 1024 / 1024 : null;
}
