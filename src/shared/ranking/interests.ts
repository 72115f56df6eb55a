import type { CatalogueItem } from '../catalogue/schema';
import { fnv1a } from '../hash';
import type { ItemSignal } from '../interactions/signals';
import { seededRandom } from '../random';
import { topCategory } from './explain';
import { dot, normalize, row, type ItemMatrix } from './matrix';

/** One interest the visitor showed: a cluster of liked items, labelled from their text. */
export interface Interest {
  /** Stable while the same items make it up. */
  id: string;
  label: string;
  /** Share of the visitor's positive signal weight, 0–1. */
  share: number;
  items: number[];
}

const MAX_INTERESTS = 5;
const ITERATIONS = 20;

/**
 * Clusters the items the visitor engaged with positively into a few interests (weighted
 * k-means on their unit vectors, k-means++ seeding with a fixed seed: the same history gives
 * the same interests), labels each by its main category and most frequent tags, and merges
 * interests that end up with the same label.
 */
export function findInterests(
  signals: readonly ItemSignal[],
  matrix: ItemMatrix,
  items: readonly CatalogueItem[],
): Interest[] {
  const liked = signals.filter((s) => s.weight > 0 && !s.disliked);
  if (liked.length === 0) return [];
  const k = Math.min(MAX_INTERESTS, liked.length, Math.max(1, Math.round(Math.sqrt(liked.length))));
  const assignment = kMeans(liked, matrix, k);
  const total = liked.reduce((sum, s) => sum + s.weight, 0);
  const byLabel = new Map<string, { weight: number; items: number[] }>();
  for (let c = 0; c < k; c++) {
    const members = liked.filter((_, i) => assignment[i] === c);
    if (members.length === 0) continue;
    const label = labelOf(members, items);
    const entry = byLabel.get(label) ?? { weight: 0, items: [] };
    entry.weight += members.reduce((sum, s) => sum + s.weight, 0);
    entry.items.push(...members.map((s) => s.index));
    byLabel.set(label, entry);
  }
  return [...byLabel.entries()]
    .map(([label, { weight, items: members }]) => ({
      id: fnv1a(
        members
          .map((i) => items[i]?.id ?? '')
          .sort()
          .join('|'),
      ).toString(16),
      label,
      share: weight / total,
      items: members,
    }))
    .sort((a, b) => b.share - a.share);
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
