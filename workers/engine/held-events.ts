import type {
  Interaction,
  InteractionType,
  StoredInteraction,
} from '../../src/shared/interactions/types';
import type { Pending } from './history';

/**
 * What the visitor said or did on purpose: never pruned to make room (quota.ts), and kept in
 * memory when storage still refuses it, so that it counts at once and is written later.
 */
export const EXPLICIT: ReadonlySet<InteractionType> = new Set<InteractionType>([
  'like',
  'dislike',
  'add_to_cart',
  'purchase',
  'rating',
]);

/** Delays between background tries to write held events: doubling from `first` up to `max`. */
export interface RetryDelays {
  first: number;
  max: number;
}

export const RETRY_MS: RetryDelays = { first: 1_000, max: 30_000 };

/** A call whose events may be held: explicit events only, no settings, not a silent write. */
export function holdable(pending: Pending): boolean {
  return (
    pending.notify &&
    pending.settings === null &&
    pending.events.length > 0 &&
    pending.events.every((event) => EXPLICIT.has(event.type))
  );
}

/** The event without its key, to be written (a held event's key is a stand-in). */
export function unkeyed(event: StoredInteraction): Interaction {
  const { type, itemId, ts, value, eid } = event;
  return {
    type,
    itemId,
    ts,
    ...(value === undefined ? {} : { value }),
    ...(eid === undefined ? {} : { eid }),
  };
}
