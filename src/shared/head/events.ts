import { eventWeight } from '../interactions/signals';
import { INTERACTION_TYPES, type Interaction } from '../interactions/types';

/** The type id of an impression: a training example, never context or a reason to retrain. */
export const IMPRESSION = INTERACTION_TYPES.indexOf('impression');

/** One interaction as the head sees it: item row, type id, time, and signed strength. */
export interface HeadEvent {
  item: number;
  type: number;
  ts: number;
  /** eventWeight: > 0 says "more like this", < 0 "less like this". */
  weight: number;
}

/** The history in time order, on catalogue rows; events on unknown items are dropped. */
export function headEvents(
  history: readonly Interaction[],
  indexOf: ReadonlyMap<string, number>,
): HeadEvent[] {
  const events: HeadEvent[] = [];
  for (const event of history) {
    const item = indexOf.get(event.itemId);
    const weight = eventWeight(event);
    if (item === undefined || weight === 0) continue;
    events.push({ item, type: INTERACTION_TYPES.indexOf(event.type), ts: event.ts, weight });
  }
  return events.sort((a, b) => a.ts - b.ts);
}

/** The events that make weights stale: engagement (impressions join training, not its trigger). */
export function engagementEvents(events: readonly HeadEvent[]): HeadEvent[] {
  return events.filter((event) => event.type !== IMPRESSION);
}
