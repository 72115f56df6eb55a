import { Ease } from '../collab/ease';
import { fromRowLists, type SparseRows } from './sparse-rows';

/**
 * The top-k positive entries of every row of EASE's B (Steck, WWW 2019) over the binary matrix of
 * `userItems` (catalogue rows each user used): row i lists the items whose score a like of i
 * raises most. B's diagonal is 0 and only positive entries are kept (a negative one would lower
 * a candidate; the head learns dislikes from the visitor's own history).
 *
 * `modelItems` restricts the regression to those rows (the most used ones when the catalogue is
 * too big for a dense inverse); other rows get no entries and appear in no row.
 */
export function easeTopK(
  items: number,
  userItems: readonly (readonly number[])[],
  lambda: number,
  k: number,
  modelItems?: readonly number[],
): SparseRows {
  const keep = modelItems ? new Set(modelItems) : null;
  const rows = keep ? userItems.map((list) => list.filter((i) => keep.has(i))) : userItems;
  const ease = new Ease(items, rows, lambda);
  const used = new Set(rows.flat());
  const lists: { col: number; val: number }[][] = [];
  for (let i = 0; i < items; i++) {
    lists.push(used.has(i) ? topPositive(ease.scores([i]), k, i) : []);
  }
  return fromRowLists(lists, k);
}

/** The k largest positive values of a row (not `self`), largest first, ties by column. */
export function topPositive(
  row: Float32Array,
  k: number,
  self: number,
): { col: number; val: number }[] {
  const out: { col: number; val: number }[] = [];
  let floor = 0;
  for (let col = 0; col < row.length; col++) {
    const val = row[col] ?? 0;
    if (col === self || !(val > floor) || !Number.isFinite(val)) continue;
    out.push({ col, val });
    // Trim in batches: sorting each time would cost k log k per kept value.
    if (out.length >= 4 * k) {
      sortEntries(out);
      out.length = k;
      floor = out[k - 1]?.val ?? 0;
    }
  }
  sortEntries(out);
  return out.slice(0, k);
}

function sortEntries(list: { col: number; val: number }[]): void {
  list.sort((a, b) => b.val - a.val || a.col - b.col);
}
