import type { Example } from './examples';

/** Sampled items each held-out positive is ranked against in the acceptance test's ranking half. */
export const RANK_CHECK_ITEMS = 30;

/** Held-out positives, each in a group with sampled items: the rows to score and their groups. */
export interface RankCheckRows {
  /** Group by group; a group's first row is its positive. */
  examples: Example[];
  /** The group of each row, ascending. */
  group: Int32Array;
}

/**
 * A ranking check of the held-out part: each held-out positive with `count` sampled items of
 * the catalogue at the same point of the history. The loss the head trains on can improve while
 * the order the feed shows gets worse (docs/evaluation.md, "Fine-tuning against global-only"):
 * this asks the order itself.
 */
export function rankCheckRows(
  valid: readonly Example[],
  sample: () => number,
  count = RANK_CHECK_ITEMS,
): RankCheckRows {
  const examples: Example[] = [];
  const group: number[] = [];
  let g = 0;
  for (const positive of valid) {
    if (positive.label !== 1) continue;
    examples.push(positive);
    group.push(g);
    for (let k = 0; k < count; k++) {
      const cand = sample();
      if (cand === positive.cand) continue;
      examples.push({ at: positive.at, cand, label: 0, weight: 1 });
      group.push(g);
    }
    g += 1;
  }
  return { examples, group: Int32Array.from(group) };
}

/**
 * Per group, its positive (the group's first row) ranked among the group's rows by `scores`,
 * as 1 / log2(1 + rank), the discount of NDCG; a tie counts half a place.
 */
export function groupGains(scores: ArrayLike<number>, group: Int32Array): Float64Array {
  const groups = group.length === 0 ? 0 : (group[group.length - 1] ?? 0) + 1;
  const gains = new Float64Array(groups);
  let start = 0;
  while (start < group.length) {
    const g = group[start] ?? 0;
    let end = start + 1;
    while (end < group.length && group[end] === g) end++;
    const positive = scores[start] ?? 0;
    let rank = 1;
    for (let i = start + 1; i < end; i++) {
      const score = scores[i] ?? 0;
      if (score > positive) rank += 1;
      else if (score === positive) rank += 0.5;
    }
    gains[g] = 1 / Math.log2(1 + rank);
    start = end;
  }
  return gains;
}

/** Mean of `after − before`, pairwise (0 for none). */
export function meanGain(before: ArrayLike<number>, after: ArrayLike<number>): number {
  const n = before.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (after[i] ?? 0) - (before[i] ?? 0);
  return sum / n;
}
