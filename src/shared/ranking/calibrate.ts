import type { CatalogueItem } from '../catalogue/schema';
import type { ItemSignal } from '../interactions/signals';
import { topCategoryAt } from './explain';

/**
 * Each interest's share of the feed, by top-level category (the grouping of "What the app thinks
 * you like", src/shared/ranking/interests.ts): the net weight of what the visitor acted on in the
 * category (likes and purchases minus dislikes) over all their positive weight, so a dislike
 * takes share from its own category only. A category the visitor disliked as much as they liked
 * gets no share; items without a category count for no interest; impressions alone are not acts.
 */
export function interestShares(
  signals: readonly ItemSignal[],
  items: readonly CatalogueItem[],
): Map<string, number> {
  const net = new Map<string, number>();
  let total = 0;
  for (const s of signals) {
    if (!s.engaged) continue;
    total += Math.max(0, s.weight);
    const category = topCategoryAt(items, s.index);
    if (category !== null) net.set(category, (net.get(category) ?? 0) + s.weight);
  }
  const shares = new Map<string, number>();
  if (total <= 0) return shares;
  for (const [category, weight] of net) {
    if (weight > 0) shares.set(category, weight / total);
  }
  return shares;
}

/**
 * Calibrates a list to the visitor's interests (after Steck, "Calibrated Recommendations",
 * RecSys 2018, in its simplest form: a floor per interest). Every interest gets at least
 * ⌊share × slots⌋ places: when one has fewer, its best remaining candidates replace the last
 * picks of interests that have more than their floor (or of no interest), and take the place
 * their relevance earns. A strong interest thus cannot drown a fresh one, while the order
 * within the list still follows relevance. Returns the new list (the input is not changed).
 */
export function calibrate(
  picked: readonly number[],
  candidates: readonly number[],
  relevance: Float32Array,
  items: readonly CatalogueItem[],
  shares: ReadonlyMap<string, number>,
): number[] {
  const slots = picked.length;
  const category = (index: number) => topCategoryAt(items, index) ?? '';
  const floor = (c: string) => Math.floor((shares.get(c) ?? 0) * slots);
  const have = new Map<string, number>();
  for (const index of picked) have.set(category(index), (have.get(category(index)) ?? 0) + 1);
  const list = [...picked];
  const taken = new Set(picked);
  // The interests short of their floor, largest share first (the earliest to get a place).
  const short = [...shares.keys()]
    .filter((c) => (have.get(c) ?? 0) < floor(c))
    .sort((a, b) => (shares.get(b) ?? 0) - (shares.get(a) ?? 0) || a.localeCompare(b));
  for (const c of short) {
    for (const index of candidates) {
      if ((have.get(c) ?? 0) >= floor(c)) break;
      if (taken.has(index) || category(index) !== c) continue;
      // Gives up the last pick of an interest above its floor (or of none).
      const out = list.findLastIndex((i) => (have.get(category(i)) ?? 0) > floor(category(i)));
      if (out < 0) return list;
      const [removed = -1] = list.splice(out, 1);
      have.set(category(removed), (have.get(category(removed)) ?? 0) - 1);
      const at = list.findIndex((i) => (relevance[i] ?? 0) < (relevance[index] ?? 0));
      list.splice(at < 0 ? list.length : at, 0, index);
      taken.add(index);
      have.set(c, (have.get(c) ?? 0) + 1);
    }
  }
  return list;
}
