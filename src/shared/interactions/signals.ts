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

/** One item's events folded, with decayed sums measured at the fold's `base` time. */
interface Folded {
  index: number;
  /** Σ weight × ½^((base − ts) / half-life) of engagement events, and of impressions. */
  engagedSum: number;
  impressionSum: number;
  engaged: boolean;
  lastTs: number;
  strongest: InteractionType;
  strongestWeight: number;
  purchased: boolean;
  disliked: boolean;
  verdictTs: number;
}

interface Fold {
  length: number;
  last: Interaction | undefined;
  indexOf: ReadonlyMap<string, number>;
  /** The latest event time: every decay is measured from here, then moved to `now` at once. */
  base: number;
  items: Folded[];
}

/**
 * The last fold per history array. The engine hands out the same array until its history
 * changes, so asking again (the page refreshing, or after a flood of events) costs one pass over
 * the items instead of one over every event. An array that grew is folded again.
 */
const folds = new WeakMap<readonly Interaction[], Fold>();

/**
 * Folds a history into one signal per catalogue item. Impressions only count against an item the
 * visitor never engaged with; events on items missing from the catalogue are ignored.
 */
export function aggregateSignals(
  history: readonly Interaction[],
  indexOf: ReadonlyMap<string, number>,
  now: number,
): ItemSignal[] {
  let known = folds.get(history);
  if (
    known?.indexOf !== indexOf ||
    known.length !== history.length ||
    known.last !== history.at(-1)
  ) {
    const base = history.reduce((latest, event) => Math.max(latest, event.ts), -Infinity);
    known = fold(history, indexOf, base);
    folds.set(history, known);
  }
  // An event stamped after `now` does not decay at all: fold again at `now` (rare; exact).
  const at = now >= known.base ? known : fold(history, indexOf, now);
  const shift = Math.pow(0.5, Math.max(0, now - at.base) / SIGNAL_HALF_LIFE_MS);
  return at.items.map((acc) => ({
    index: acc.index,
    weight: (acc.engaged ? acc.engagedSum : acc.impressionSum) * shift,
    lastTs: acc.lastTs,
    strongest: acc.strongest,
    purchased: acc.purchased,
    disliked: acc.disliked,
    engaged: acc.engaged,
  }));
}

function fold(
  history: readonly Interaction[],
  indexOf: ReadonlyMap<string, number>,
  base: number,
): Fold {
  const byItem = new Map<number, Folded>();
  for (const event of history) {
    const index = indexOf.get(event.itemId);
    if (index === undefined) continue;
    let acc = byItem.get(index);
    if (acc === undefined) {
      acc = {
        index,
        engagedSum: 0,
        impressionSum: 0,
        engaged: false,
        lastTs: 0,
        strongest: 'view',
        strongestWeight: 0,
        purchased: false,
        disliked: false,
        verdictTs: -Infinity,
      };
      byItem.set(index, acc);
    }
    const decay = Math.pow(0.5, Math.max(0, base - event.ts) / SIGNAL_HALF_LIFE_MS);
    const weight = eventWeight(event);
    if (event.type === 'impression') {
      acc.impressionSum += weight * decay;
    } else {
      acc.engaged = true;
      acc.engagedSum += weight * decay;
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
  return {
    length: history.length,
    last: history.at(-1),
    indexOf,
    base,
    items: [...byItem.values()],
  };
}
