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
 * The global score of every catalogue row for a visitor who liked `liked` (distinct rows):
 * Σ over liked items h of B[h, row], read from the sparse rows (|liked| × k additions). It is
 * EASE's prediction for the row, restricted to the top-k entries.
 */
export function globalScores(model: SparseRows, liked: Iterable<number>): Float32Array {
  const out = new Float32Array(model.rows);
  for (const item of new Set(liked)) addRow(out, model, item);
  return out;
}

/** Adds row `item` of the model into `acc` (a row outside the model adds nothing). */
export function addRow(acc: Float32Array, model: SparseRows, item: number): void {
  if (!(item >= 0 && item < model.rows)) return;
  const end = model.start[item + 1] ?? 0;
  for (let at = model.start[item] ?? 0; at < end; at++) {
    const col = model.cols[at] ?? 0;
    acc[col] = (acc[col] ?? 0) + (model.vals[at] ?? 0);
  }
}
