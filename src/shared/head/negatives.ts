import { addRow, similarities } from '../ranking/matrix';
import { IMPRESSION, type HeadEvent } from './events';
import type { HeadSpace } from './space';

/** Negatives drawn uniformly from the catalogue's rows. */
export function uniformSampler(rows: number, random: () => number): () => number {
  return () => Math.floor(random() * rows);
}

/**
 * Negatives drawn half uniformly and half from the items most similar to what the visitor
 * liked (the `pool` best by cosine to their liked items, not engaged with). Uniform negatives
 * alone are mostly unrelated, obscure items: the head then learns "similar and in my category",
 * which every candidate at the top of a ranking already is. Near misses teach it what this
 * visitor picks among similar items, which is what a ranking has to decide.
 */
export function mixedSampler(
  space: HeadSpace,
  events: readonly HeadEvent[],
  random: () => number,
  pool = 200,
): () => number {
  const near = similarItems(space, events, pool);
  return () => {
    if (near.length === 0 || random() < 0.5) return Math.floor(random() * space.rows);
    return near[Math.floor(random() * near.length)] ?? 0;
  };
}

/** The `count` items closest to the sum of the liked items' vectors, excluding engaged ones. */
function similarItems(space: HeadSpace, events: readonly HeadEvent[], count: number): number[] {
  const { dims, matrix, rows } = space;
  const profile = new Float32Array(dims);
  const engaged = new Set<number>();
  for (const event of events) {
    if (event.type === IMPRESSION) continue;
    engaged.add(event.item);
    if (event.weight <= 0 || event.item >= rows) continue;
    addRow(profile, matrix, event.item, 1);
  }
  const scores = similarities(matrix, profile);
  const scored: { item: number; score: number }[] = [];
  for (let r = 0; r < rows; r++) {
    if (engaged.has(r)) continue;
    const score = scores[r] ?? 0;
    if (score > 0) scored.push({ item: r, score });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, count).map((s) => s.item);
}
