import { personalShare } from '../ranking/personal';
import { minMax } from '../ranking/rank';
import type { SearchHit } from './search-index';

/**
 * How far the visitor's taste can lift a match: by up to this share of the best match's text
 * score, scaled by how much is known of the visitor (personalShare). A match that reads much
 * better than another stays ahead of it whatever the taste.
 */
export const TASTE_MARGIN = 0.3;
/** Popularity only breaks ties between equal text scores. */
const POPULARITY_TIE = 1e-3;

/** Personal scores of some rows (ascending, as the scorer was asked), and their evidence. */
export interface RowScores {
  rows: Int32Array;
  scores: Float32Array;
  strength: number;
}

export interface Blended {
  row: number;
  score: number;
  /** The visitor's taste placed it higher than the text alone would have. */
  movedUp: boolean;
}

/**
 * Search ranking: the normalised text score, lifted by the visitor's personal score within
 * TASTE_MARGIN. Only matches are ranked, so no item without a match ever outranks one with.
 */
export function blendSearch(
  hits: readonly SearchHit[],
  personal: RowScores | null,
  prior: Float32Array,
  count: number,
): Blended[] {
  const alpha = personalShare(personal?.strength ?? 0);
  const taste = new Map<number, number>();
  if (personal && alpha > 0) {
    const scaled = minMax(personal.scores);
    personal.rows.forEach((row, k) => taste.set(row, scaled[k] ?? 0));
  }
  const text = (hit: SearchHit) => hit.score + POPULARITY_TIE * (prior[hit.row] ?? 0);
  const byText = [...hits].sort((a, b) => text(b) - text(a) || a.row - b.row);
  const textPlace = new Map(byText.map((hit, place) => [hit.row, place]));
  const scored = byText.map((hit) => ({
    row: hit.row,
    score: text(hit) + TASTE_MARGIN * alpha * (taste.get(hit.row) ?? 0),
  }));
  scored.sort(
    (a, b) => b.score - a.score || (textPlace.get(a.row) ?? 0) - (textPlace.get(b.row) ?? 0),
  );
  return scored.slice(0, count).map((entry, place) => ({
    ...entry,
    movedUp: place < (textPlace.get(entry.row) ?? 0),
  }));
}

/**
 * The matches that could reach the first `count` places: those whose text score is within the
 * taste margin of the count-th best (the hits come best first), at most `cap` of them.
 */
export function reachable(hits: readonly SearchHit[], count: number, cap: number): SearchHit[] {
  const cutoff = (hits[Math.min(count, hits.length) - 1]?.score ?? 0) - TASTE_MARGIN;
  const out: SearchHit[] = [];
  for (const hit of hits) {
    if (out.length >= cap || (out.length >= count && hit.score < cutoff)) break;
    out.push(hit);
  }
  return out;
}
