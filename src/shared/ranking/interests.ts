import type { CatalogueItem } from '../catalogue/schema';
import { fnv1a } from '../hash';
import type { ItemSignal } from '../interactions/signals';
import { seededRandom } from '../random';
import { topCategory } from './explain';
import { dot, normalize, row, type ItemMatrix } from './matrix';

/** One interest the visitor showed: a group of liked items, labelled from their text. */
export interface Interest {
  /** Stable while the same category (or, without categories, the same items) makes it up. */
  id: string;
  label: string;
  /** Share of the visitor's positive signal weight, 0–1. */
  share: number;
  /** The share in whole percent; the interests' percents add up to exactly 100. */
  percent: number;
  items: number[];
}

const MAX_CLUSTERS = 5;
const ITERATIONS = 20;

/**
 * Groups the items the visitor engaged with positively into interests. Where the catalogue
 * names categories (for most of these items), an interest is a top-level category: near
 * duplicates such as "Books · novel, fiction" and "Books · fiction, literary fiction" are one
 * interest, and deleting an event of one interest never reshuffles the others. Without
 * categories, the items are clustered (weighted spherical k-means with a fixed seed: the same
 * history gives the same interests). Each is labelled by its main category and most frequent
 * tags; interests that end up with the same label are merged.
 */
export function findInterests(
  signals: readonly ItemSignal[],
  matrix: ItemMatrix,
  items: readonly CatalogueItem[],
): Interest[] {
  const liked = signals.filter((s) => s.weight > 0 && !s.disliked);
  if (liked.length === 0) return [];
  const categorised = liked.filter((s) => topCategory(items[s.index]) !== null).length;
  const groups =
    categorised * 2 >= liked.length ? byCategory(liked, items) : byCluster(liked, matrix);
  const total = liked.reduce((sum, s) => sum + s.weight, 0);
  const byLabel = new Map<string, { weight: number; members: ItemSignal[]; key: string | null }>();
  for (const { key, members } of groups) {
    const label = labelOf(members, items);
    const entry = byLabel.get(label) ?? { weight: 0, members: [] as ItemSignal[], key };
    entry.weight += members.reduce((sum, s) => sum + s.weight, 0);
    entry.members.push(...members);
    byLabel.set(label, entry);
  }
  const found = [...byLabel.entries()]
    .map(([label, { weight, members, key }]) => ({
      id: fnv1a(
        key ??
          members
            .map((s) => items[s.index]?.id ?? '')
            .sort()
            .join('|'),
      ).toString(16),
      label,
      share: weight / total,
      percent: 0,
      items: members.map((s) => s.index),
    }))
    .sort((a, b) => b.share - a.share || a.label.localeCompare(b.label));
  const percents = wholePercents(found.map((interest) => interest.share));
  found.forEach((interest, i) => {
    interest.percent = percents[i] ?? 0;
  });
  return found;
}

/** One group per top-level category; items without one form a group of their own. */
function byCategory(
  liked: readonly ItemSignal[],
  items: readonly CatalogueItem[],
): { key: string | null; members: ItemSignal[] }[] {
  const groups = new Map<string, ItemSignal[]>();
  for (const s of liked) {
    const key = `category:${topCategory(items[s.index]) ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.entries()].map(([key, members]) => ({ key, members }));
}

/** Clusters of similar items, for catalogues without categories (keyed by their items). */
function byCluster(
  liked: readonly ItemSignal[],
  matrix: ItemMatrix,
): { key: string | null; members: ItemSignal[] }[] {
  const k = Math.min(MAX_CLUSTERS, liked.length, Math.max(1, Math.round(Math.sqrt(liked.length))));
  const assignment = kMeans(liked, matrix, k);
  const out: { key: string | null; members: ItemSignal[] }[] = [];
  for (let c = 0; c < k; c++) {
    const members = liked.filter((_, i) => assignment[i] === c);
    if (members.length > 0) out.push({ key: null, members });
  }
  return out;
}

/**
 * Shares as whole percents that add up to 100 (largest remainder): rounding each on its own
 * shows 33 % + 33 % + 33 %.
 */
export function wholePercents(shares: readonly number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  if (total <= 0) return shares.map(() => 0);
  const exact = shares.map((share) => (share / total) * 100);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((sum, p) => sum + p, 0);
  const order = exact
    .map((value, i) => ({ i, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left -= 1;
  }
  return out;
}

/** Weighted spherical k-means; returns the cluster of each signal. */
function kMeans(signals: readonly ItemSignal[], matrix: ItemMatrix, k: number): number[] {
  const random = seededRandom(signals.length * 7919 + k);
  const centroids: Float32Array[] = [row(matrix, signals[0]?.index ?? 0).slice()];
  // k-means++: each next seed is drawn in proportion to its distance from the chosen ones.
  while (centroids.length < k) {
    const distances = signals.map((s) => {
      const v = row(matrix, s.index);
      return Math.max(0, 1 - Math.max(...centroids.map((c) => dot(v, c)))) * s.weight;
    });
    let pick = random() * distances.reduce((a, b) => a + b, 0);
    const chosen = distances.findIndex((d) => (pick -= d) <= 0);
    centroids.push(row(matrix, signals[chosen < 0 ? 0 : chosen]?.index ?? 0).slice());
  }
  let assignment = signals.map(() => 0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = signals.map((s) => nearest(row(matrix, s.index), centroids));
    const changed = next.some((c, i) => c !== assignment[i]);
    assignment = next;
    centroids.forEach((centroid, c) => {
      centroid.fill(0);
      signals.forEach((s, i) => {
        if (assignment[i] !== c) return;
        const v = row(matrix, s.index);
        for (let d = 0; d < centroid.length; d++)
          centroid[d] = (centroid[d] ?? 0) + s.weight * (v[d] ?? 0);
      });
      normalize(centroid);
    });
    if (!changed && iteration > 0) break;
  }
  return assignment;
}

function nearest(v: Float32Array, centroids: readonly Float32Array[]): number {
  let best = 0;
  let bestSim = -Infinity;
  centroids.forEach((c, i) => {
    const sim = dot(v, c);
    if (sim > bestSim) {
      bestSim = sim;
      best = i;
    }
  });
  return best;
}

/** "Category · tag, tag": the weightiest category and its two most frequent other tags. */
function labelOf(members: readonly ItemSignal[], items: readonly CatalogueItem[]): string {
  const categories = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const s of members) {
    const item = items[s.index];
    const category = topCategory(item) ?? 'Other';
    categories.set(category, (categories.get(category) ?? 0) + s.weight);
    for (const tag of new Set(item?.tags ?? [])) tags.set(tag, (tags.get(tag) ?? 0) + s.weight);
  }
  const top = (counts: Map<string, number>) =>
    [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const category = top(categories)[0]?.[0] ?? 'Other';
  const frequent = top(tags)
    .filter(([tag, weight]) => weight > 0 && tag.toLowerCase() !== category.toLowerCase())
    .slice(0, 2)
    .map(([tag]) => tag);
  return frequent.length > 0 ? `${category} · ${frequent.join(', ')}` : category;
}
