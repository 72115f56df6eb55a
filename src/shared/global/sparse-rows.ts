import type { HeadParams } from '../head/params';

/**
 * The shop's global item–item model as the device uses it: for each catalogue row, its strongest
 * positive neighbours (the top-k entries of that row of EASE's B), in CSR layout. Row `i` holds
 * `cols[start[i]..start[i+1])` with `vals` at the same places.
 */
export interface SparseRows {
  rows: number;
  /** Most entries any row may hold (the k of top-k). */
  k: number;
  start: Uint32Array;
  cols: Uint32Array;
  vals: Float32Array;
  /** How a visitor's liked items are weighed when their rows are summed (uniform when absent). */
  recency?: Recency;
  /**
   * The scoring head's starting weight on the global score, as version 2 model files carry it
   * (chosen then by a grid on the shop's log); the built-in one when absent.
   */
  startWeight?: number;
  /**
   * The head's whole starting point, learned by the shop's build from its log with the device's
   * own trainer (scripts/lib/shop-head.ts): the visitor's head starts from it and fine-tunes only
   * its feature weights and bias. Takes the place of `startWeight` when present.
   */
  startHead?: StartHead;
}

/** A head's parameters without its item dims: what a model file can carry. */
export type StartHead = Omit<HeadParams, 'dims'>;

/**
 * Recent likes count more: the liked item at recency rank r (0 = the most recently liked) adds
 * its row with weight 1 + weight·e^(−r/tau). Both are chosen by validation on the shop's own log
 * when the model is built (build.ts); weight 0 is EASE's plain sum.
 */
export interface Recency {
  tau: number;
  weight: number;
}

/** The weight of the liked item at recency rank `rank` (0 = the most recent). */
export function recencyWeight(rank: number, recency: Recency | undefined): number {
  if (!recency || rank >= recentSpan(recency)) return 1;
  return 1 + recency.weight * Math.exp(-rank / recency.tau);
}

/**
 * Ranks past which the recency part is left out (it is below a thousandth of its weight): only
 * the most recent likes need a weighted pass, when scoring and when making training examples.
 */
export function recentSpan(recency: Recency | undefined): number {
  if (!recency || recency.weight === 0) return 0;
  return Math.ceil(recency.tau * Math.log(1000));
}

/** Builds CSR rows from per-row lists of (column, value), keeping their order. */
export function fromRowLists(
  lists: readonly (readonly { col: number; val: number }[])[],
  k: number,
): SparseRows {
  const rows = lists.length;
  const start = new Uint32Array(rows + 1);
  lists.forEach((list, i) => {
    start[i + 1] = (start[i] ?? 0) + list.length;
  });
  const nnz = start[rows] ?? 0;
  const cols = new Uint32Array(nnz);
  const vals = new Float32Array(nnz);
  lists.forEach((list, i) => {
    list.forEach((entry, j) => {
      const at = (start[i] ?? 0) + j;
      cols[at] = entry.col;
      vals[at] = entry.val;
    });
  });
  return { rows, k, start, cols, vals };
}

/**
 * The global score of every catalogue row for a visitor whose liked items are `newestFirst`
 * (the most recently liked first; a repeated row counts once, at its first place):
 * Σ over liked items h of recencyWeight(rank of h) × B[h, row], read from the sparse rows
 * (|liked| × k additions). Without recency it is EASE's prediction for the row, restricted to
 * the top-k entries.
 */
export function globalScores(model: SparseRows, newestFirst: Iterable<number>): Float32Array {
  const out = new Float32Array(model.rows);
  const liked = [...new Set(newestFirst)];
  const norm = recencyNorm(liked.length, model.recency);
  liked.forEach((item, rank) => {
    addRow(out, model, item, norm * recencyWeight(rank, model.recency));
  });
  return out;
}

/**
 * The factor that keeps the weights of `liked` likes summing to `liked` (as in the plain sum):
 * recency moves weight towards the last likes without changing the score's scale, which the
 * head's starting weight on it was chosen for.
 */
export function recencyNorm(liked: number, recency: Recency | undefined): number {
  if (liked === 0 || !recency || recency.weight === 0) return 1;
  let total = 0;
  for (let rank = 0; rank < Math.min(liked, recentSpan(recency)); rank++) {
    total += recencyWeight(rank, recency) - 1;
  }
  return liked / (liked + total);
}

/** Adds `scale` × row `item` of the model into `acc` (a row outside the model adds nothing). */
export function addRow(acc: Float32Array, model: SparseRows, item: number, scale = 1): void {
  if (!(item >= 0 && item < model.rows)) return;
  const end = model.start[item + 1] ?? 0;
  for (let at = model.start[item] ?? 0; at < end; at++) {
    const col = model.cols[at] ?? 0;
    acc[col] = (acc[col] ?? 0) + scale * (model.vals[at] ?? 0);
  }
}

/** B[item, col]: the entry of row `item` for column `col`, 0 when the row does not keep it. */
export function entry(model: SparseRows, item: number, col: number): number {
  if (!(item >= 0 && item < model.rows)) return 0;
  const end = model.start[item + 1] ?? 0;
  for (let at = model.start[item] ?? 0; at < end; at++) {
    if (model.cols[at] === col) return model.vals[at] ?? 0;
  }
  return 0;
}
