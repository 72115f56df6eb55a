import { row, rowDot, type ItemMatrix } from './matrix';

/**
 * Maximal marginal relevance: repeatedly picks the candidate with the best trade-off between its
 * relevance and its similarity to what is already picked. `lambda` 1 = relevance only.
 */
export function mmrSelect(
  candidates: readonly number[],
  relevance: Float32Array,
  matrix: ItemMatrix,
  count: number,
  lambda: number,
): number[] {
  const picked: number[] = [];
  const maxSim = new Float32Array(candidates.length);
  const taken = new Uint8Array(candidates.length);
  while (picked.length < Math.min(count, candidates.length)) {
    let best = -1;
    let bestValue = -Infinity;
    candidates.forEach((index, c) => {
      if (taken[c]) return;
      const value = lambda * (relevance[index] ?? 0) - (1 - lambda) * (maxSim[c] ?? 0);
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    });
    const chosen = candidates[best];
    if (chosen === undefined) break;
    taken[best] = 1;
    picked.push(chosen);
    const chosenRow = row(matrix, chosen);
    candidates.forEach((index, c) => {
      if (!taken[c]) maxSim[c] = Math.max(maxSim[c] ?? 0, rowDot(matrix, index, chosenRow));
    });
  }
  return picked;
}
