import type { CatalogueItem } from '../catalogue/schema';

/**
 * The cold-start prior: popularity scaled to [0, 1] by the catalogue's maximum, square-rooted so
 * that a heavy tail of popular items does not drown everything else.
 */
export function popularityPrior(items: readonly CatalogueItem[]): Float32Array {
  let max = 0;
  for (const item of items) max = Math.max(max, item.popularity ?? 0);
  const prior = new Float32Array(items.length);
  if (max <= 0) return prior;
  items.forEach((item, i) => {
    prior[i] = Math.sqrt((item.popularity ?? 0) / max);
  });
  return prior;
}
