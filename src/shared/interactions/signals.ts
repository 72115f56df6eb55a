import type { Interaction, InteractionType } from './types';

/** How strongly each kind of event says "I want this" (negative: "not for me"). */
export const SIGNAL_WEIGHTS: Record<Exclude<InteractionType, 'rating'>, number> = {
  impression: -0.15,
  view: 1,
  click: 1.5,
  add_to_cart: 3,
  purchase: 4,
  like: 4,
  dislike: -4,
};

/** Older behaviour counts less: its weight halves every two weeks. */
export const SIGNAL_HALF_LIFE_MS = 14 * 86_400_000;

/** Weight of one event before time decay; a rating of 3 of 5 is neutral. */
export function eventWeight(event: Interaction): number {
  if (event.type === 'rating') return ((event.value ?? 3) - 3) * 1.5;
  return SIGNAL_WEIGHTS[event.type];
}

/** Everything the visitor did with one item, folded into one decayed weight. */
export interface ItemSignal {
  index: number;
  weight: number;
  lastTs: number;
  /** The strongest positive event, used to word explanations ("because you liked …"). */
  strongest: InteractionType;
  purchased: boolean;
  /** The visitor's latest explicit verdict was a dislike (a later like withdraws it). */
  disliked: boolean;
  /** Anything beyond impressions happened: the visitor acted on the item. */
  engaged: boolean;
}

/**
 * Folds a history into one signal per catalogue item. Impressions only count against an item the
 * visitor never engaged with; events on items missing from the catalogue are ignored.
 */
export function aggregateSignals(
  history: readonly Interaction[],
  indexOf: ReadonlyMap<string, number>,
  now: number,
): ItemSignal[] {
  interface Acc extends ItemSignal {
    impressions: number;
    engaged: boolean;
    strongestWeight: number;
    verdictTs: number;
  }
  const byItem = new Map<number, Acc>();
  for (const event of history) {
    const index = indexOf.get(event.itemId);
    if (index === undefined) continue;
    const acc = byItem.get(index) ?? {
      index,
      weight: 0,
      lastTs: 0,
      strongest: 'view',
      purchased: false,
      disliked: false,
      impressions: 0,
      engaged: false,
      strongestWeight: 0,
      verdictTs: -Infinity,
    };
    byItem.set(index, acc);
    const decay = Math.pow(0.5, Math.max(0, now - event.ts) / SIGNAL_HALF_LIFE_MS);
    const weight = eventWeight(event);
    if (event.type === 'impression') {
      acc.impressions += weight * decay;
    } else {
      acc.engaged = true;
      acc.weight += weight * decay;
      if (weight > acc.strongestWeight) {
        acc.strongest = event.type;
        acc.strongestWeight = weight;
      }
    }
    // The latest explicit verdict (like or dislike) decides whether the item is disliked.
    if ((event.type === 'like' || event.type === 'dislike') && event.ts >= acc.verdictTs) {
      acc.verdictTs = event.ts;
      acc.disliked = event.type === 'dislike';
    }
    acc.lastTs = Math.max(acc.lastTs, event.ts);
    if (event.type === 'purchase') acc.purchased = true;
  }
  return [...byItem.values()].map((acc) => ({
    index: acc.index,
    weight: acc.engaged ? acc.weight : acc.impressions,
    lastTs: acc.lastTs,
    strongest: acc.strongest,
    purchased: acc.purchased,
    disliked: acc.disliked,
    engaged: acc.engaged,
  }));
}
