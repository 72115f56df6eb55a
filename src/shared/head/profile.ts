import { addRow, rowDot } from '../ranking/matrix';
import type { Batch } from './batch';
import { IMPRESSION, type HeadEvent } from './events';
import type { Example } from './examples';
import type { HeadSpace } from './space';

/**
 * The long-term profile: the sum of the vectors of every item liked before event `end` (no
 * window, no decay), as a unit vector. It complements the attention window, which sees only
 * the last WINDOW events.
 */
export function longTermProfile(
  events: readonly HeadEvent[],
  space: HeadSpace,
  end = events.length,
): Float32Array {
  const profile = new Float32Array(space.dims);
  for (let i = 0; i < Math.min(end, events.length); i++) addLiked(profile, events[i], space);
  return unit(profile);
}

function addLiked(profile: Float32Array, event: HeadEvent | undefined, space: HeadSpace): void {
  if (!event || event.weight <= 0 || event.type === IMPRESSION) return;
  if (event.item < space.rows) addRow(profile, space.matrix, event.item, 1);
}

function unit(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  const out = new Float32Array(v.length);
  if (norm > 0) for (let i = 0; i < v.length; i++) out[i] = (v[i] ?? 0) / Math.sqrt(norm);
  return out;
}

/** candLong for every example: one pass over the events in time order. */
export function fillLongTerm(
  batch: Batch,
  events: readonly HeadEvent[],
  examples: readonly Example[],
  space: HeadSpace,
): void {
  const order = examples.map((e, b) => ({ at: e.at, b })).sort((x, y) => x.at - y.at);
  const running = new Float32Array(space.dims);
  let added = 0;
  let profile: Float32Array = new Float32Array(space.dims);
  let stale = false;
  for (const { at, b } of order) {
    while (added < Math.min(at, events.length)) {
      addLiked(running, events[added], space);
      added += 1;
      stale = true;
    }
    if (stale) {
      profile = unit(running);
      stale = false;
    }
    const cand = batch.cand[b] ?? space.rows;
    batch.candLong[b] = cand < space.rows ? rowDot(space.matrix, cand, profile) : 0;
  }
}
