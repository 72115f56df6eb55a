import type { ItemSignal } from '../interactions/signals';
import { similarities, type ItemMatrix } from './matrix';
import { profileVector } from './personal';
import { borrowRows, returnRows } from './row-scratch';

/**
 * How many candidates the first stage hands to the personal head and the rank pipeline. A
 * catalogue this size or smaller is ranked whole (the two stages then equal one).
 */
export const CANDIDATES = 2_000;
/** Share of the candidates that come from popularity (the prior), whatever the visitor likes. */
const PRIOR_SHARE = 0.25;
/** Share of the candidates that come from the shop's global model, when it scores any. */
const GLOBAL_SHARE = 0.25;

/** What the first stage reads: the item vectors, the prior and the visitor's signals. */
export interface RetrievalInput {
  matrix: ItemMatrix;
  /** Never changed once built: its best rows are kept per array (keptTopK). */
  prior: Float32Array;
  signals: readonly ItemSignal[];
  /** A query vector or a context item's vector: candidates are what matches it. */
  focus?: Float32Array;
  /**
   * The visitor's global score of every row (src/shared/global/), when the shop ships a model:
   * the items it scores best are candidates (they may share no words with the history).
   */
  global?: Float32Array | null;
}

/**
 * Two-stage ranking, first stage: one scan of the item matrix with one vector (the focus, else
 * the visitor's profile: liked minus disliked, which is linear, so one scan) picks the best
 * matches, and the most popular items join them, so a new interest and a new visitor both have
 * candidates; with a global model, so do the items it scores best for the visitor (a feed's,
 * not a query's). Returns catalogue rows in ascending order, or undefined when the catalogue is
 * small enough to rank whole.
 */
export function retrieve(input: RetrievalInput, size = CANDIDATES): Int32Array | undefined {
  const { matrix, prior } = input;
  if (matrix.rows <= size) return undefined;
  const byPrior = Math.round(size * PRIOR_SHARE);
  const query = input.focus ?? profileVector(input.signals, matrix);
  const picked = new Set<number>(keptTopK(prior, query ? byPrior : size));
  if (query && input.global && !input.focus) {
    const byGlobal = picked.size + Math.round(size * GLOBAL_SHARE);
    for (const row of topK(input.global, byGlobal)) {
      if (picked.size >= byGlobal || !((input.global[row] ?? 0) > 0)) break;
      picked.add(row);
    }
  }
  if (query) {
    const scores = borrowRows(matrix.rows);
    try {
      for (const row of topK(similarities(matrix, query, undefined, scores), size)) {
        if (picked.size >= size) break;
        picked.add(row);
      }
    } finally {
      returnRows(scores, undefined);
    }
  }
  return Int32Array.from(picked).sort();
}

/**
 * Rows of the k largest scores, best first, ties to the lower row: exactly the first k of the
 * rows sorted by (score descending, row ascending), so a shorter list is a prefix of a longer
 * one. A min-heap of k whose root is the entry that order puts last (the least score, the highest
 * row among equals), so a scan of a million rows does one comparison for most of them (against
 * the root's score, kept in a local; a later row that only ties it comes after it in the order).
 */
export function topK(scores: Float32Array, k: number): Int32Array {
  const size = Math.min(k, scores.length);
  const heap = new Int32Array(size);
  // The score of each heap entry, beside it: sifting compares these, not scores[heap[i]].
  const keys = new Float32Array(size);
  // Whether the entry at `a` comes after the one at `b` in the order (is "less").
  const after = (keyA: number, rowA: number, keyB: number, rowB: number) =>
    keyA < keyB || (keyA === keyB && rowA > rowB);
  const siftDown = (start: number) => {
    let i = start;
    const row = heap[i] ?? 0;
    const key = keys[i] ?? 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      let leastKey = key;
      let leastRow = row;
      if (left < size && after(keys[left] ?? 0, heap[left] ?? 0, leastKey, leastRow)) {
        least = left;
        leastKey = keys[left] ?? 0;
        leastRow = heap[left] ?? 0;
      }
      if (right < size && after(keys[right] ?? 0, heap[right] ?? 0, leastKey, leastRow)) {
        least = right;
        leastKey = keys[right] ?? 0;
        leastRow = heap[right] ?? 0;
      }
      if (least === i) break;
      heap[i] = leastRow;
      keys[i] = leastKey;
      i = least;
    }
    heap[i] = row;
    keys[i] = key;
  };
  for (let i = 0; i < size; i++) {
    heap[i] = i;
    keys[i] = scores[i] ?? 0;
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);
  let least = size > 0 ? (keys[0] ?? 0) : Infinity;
  for (let row = size; row < scores.length; row++) {
    const score = scores[row] ?? 0;
    if (score <= least) continue;
    heap[0] = row;
    keys[0] = score;
    siftDown(0);
    least = keys[0];
  }
  return heap.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
}

/**
 * topK of arrays that never change once built (the catalogue's prior): per array, its best rows
 * to the largest k asked so far, of which a request takes the first k. (k grows by one with each
 * signal the visitor adds: a cache per k missed on every click, a full pass of the catalogue.)
 */
const kept = new WeakMap<Float32Array, Int32Array>();

function keptTopK(scores: Float32Array, k: number): Int32Array {
  let top = kept.get(scores);
  if (!top || (top.length < k && top.length < scores.length)) {
    // Room for a few more signals before the next pass.
    top = topK(scores, Math.max(k, Math.ceil((top?.length ?? 0) * 1.25)));
    kept.set(scores, top);
  }
  return top.subarray(0, k);
}
