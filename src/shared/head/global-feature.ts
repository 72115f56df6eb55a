import { IMPRESSION, type HeadEvent } from './events';
import {
  addRow,
  entry,
  globalScores,
  recencyNorm,
  recencyWeight,
  recentSpan,
  type SparseRows,
} from '../global/sparse-rows';

/** An event that makes its item one of the visitor's liked items for the global score. */
export function likes(event: HeadEvent | undefined): event is HeadEvent {
  return event !== undefined && event.weight > 0 && event.type !== IMPRESSION;
}

/** The distinct items liked in `events` (time order), the most recently liked first. */
export function likedNewestFirst(events: readonly HeadEvent[]): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (!likes(event) || seen.has(event.item)) continue;
    seen.add(event.item);
    out.push(event.item);
  }
  return out;
}

/**
 * The head's global feature at scoring time: the global score (sparse-rows.ts) of every row for
 * the items liked in `events`, recent likes weighed up as the model says, unscaled: EASE's own
 * prediction of the candidate, comparable across visitors and shops (scaling by the best row
 * lowered NDCG@10 on both evaluation sets); null without a model.
 */
export function visitorGlobal(
  events: readonly HeadEvent[],
  model: SparseRows | null,
): Float32Array | null {
  return model ? globalScores(model, likedNewestFirst(events)) : null;
}

/**
 * The same feature for training examples, as it was when each was made: example `b` reads the
 * global score of its candidate from the items liked before its event `at[b]`. One pass over
 * the events in time order: the plain sum is accumulated once per liked item, and the recency
 * part (the few most recent likes, `recentSpan`) is added per example from their rows.
 */
export function exampleGlobal(
  events: readonly HeadEvent[],
  at: ArrayLike<number>,
  cand: ArrayLike<number>,
  model: SparseRows,
): Float32Array {
  const out = new Float32Array(at.length);
  const order = Array.from({ length: at.length }, (_, b) => b).sort(
    (x, y) => (at[x] ?? 0) - (at[y] ?? 0),
  );
  const acc = new Float32Array(model.rows);
  const seen = new Set<number>();
  // Liked items, the most recently liked first (a like again moves an item to the front).
  const recent: number[] = [];
  const span = recentSpan(model.recency);
  let added = 0;
  for (const b of order) {
    const end = Math.min(at[b] ?? 0, events.length);
    for (; added < end; added++) {
      const event = events[added];
      if (!likes(event)) continue;
      if (span > 0) {
        const was = recent.indexOf(event.item);
        if (was !== -1) recent.splice(was, 1);
        recent.unshift(event.item);
      }
      if (seen.has(event.item)) continue;
      seen.add(event.item);
      addRow(acc, model, event.item);
    }
    const c = cand[b] ?? -1;
    if (!(c >= 0 && c < model.rows)) continue;
    let score = acc[c] ?? 0;
    for (let r = 0; r < Math.min(span, recent.length); r++) {
      const weight = recencyWeight(r, model.recency) - 1;
      score += weight * entry(model, recent[r] ?? -1, c);
    }
    out[b] = score * recencyNorm(seen.size, model.recency);
  }
  return out;
}
