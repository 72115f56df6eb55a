import type { HeadEvent } from '../ranking/examples';
import { INTERACTION_TYPES } from '../interactions/types';
import { addRow, type SparseRows } from './sparse-rows';

const IMPRESSION = INTERACTION_TYPES.indexOf('impression');

/** An event that makes its item one of the visitor's liked items for the global score. */
export function likes(event: HeadEvent | undefined): event is HeadEvent {
  return event !== undefined && event.weight > 0 && event.type !== IMPRESSION;
}

/**
 * The head's global feature at scoring time: the global score (sparse-rows.ts) of every row for
 * the items liked in `events`, unscaled: EASE's own prediction of the candidate, comparable
 * across visitors and shops (scaling by the best row lowered NDCG@10 on both evaluation sets);
 * null without a model.
 */
export function visitorGlobal(
  events: readonly HeadEvent[],
  model: SparseRows | null,
): Float32Array | null {
  if (!model) return null;
  const acc = new Float32Array(model.rows);
  const seen = new Set<number>();
  for (const event of events) {
    if (!likes(event) || seen.has(event.item)) continue;
    seen.add(event.item);
    addRow(acc, model, event.item);
  }
  return acc;
}

/**
 * The same feature for training examples, as it was when each was made: example `b` reads the
 * global score of its candidate from the items liked before its event `at[b]`. One pass over
 * the events in time order.
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
  let added = 0;
  for (const b of order) {
    const end = Math.min(at[b] ?? 0, events.length);
    for (; added < end; added++) {
      const event = events[added];
      if (!likes(event) || seen.has(event.item)) continue;
      seen.add(event.item);
      addRow(acc, model, event.item);
    }
    const c = cand[b] ?? -1;
    out[b] = c >= 0 && c < model.rows ? (acc[c] ?? 0) : 0;
  }
  return out;
}
