import type { CatalogueItem } from '../catalogue/schema';
import type { ItemSignal } from '../interactions/signals';
import { rowDot, type ItemMatrix } from '../ranking/matrix';
import type { PreparedCampaign } from './prepare';

/** How much disliked items pull a fit down, as in the feed's profile (ranking/personal.ts). */
const NEGATIVE_WEIGHT = 0.6;
/** A new visitor is matched against this many of the most popular available items. */
export const POPULAR_ITEMS = 20;

/** Weighted catalogue rows. */
export type Weighted = readonly { index: number; weight: number }[];

/**
 * What a campaign is matched against: the items the visitor engaged with (time-decayed
 * weights, the signals the feed reads), and the ones the visitor turned down; for a visitor
 * with no positive engagement yet, the shop's most popular items take the first place.
 */
export interface Taste {
  source: 'history' | 'popular';
  liked: Weighted;
  disliked: Weighted;
}

/** The visitor's taste from the feed's signals, or the popular items for a new visitor. */
export function tasteOf(
  signals: readonly ItemSignal[],
  prior: Float32Array,
  items: readonly CatalogueItem[],
): Taste {
  const liked = signals
    .filter((s) => s.engaged && s.weight > 0 && !s.disliked)
    .map(({ index, weight }) => ({ index, weight }));
  const disliked = signals
    .filter((s) => s.weight < 0 || s.disliked)
    .map(({ index, weight }) => ({ index, weight: Math.abs(weight) }));
  if (liked.length > 0) return { source: 'history', liked, disliked };
  return { source: 'popular', liked: popularItems(prior, items), disliked };
}

/** The most popular available items, weighted by the prior (none when nothing is popular). */
function popularItems(prior: Float32Array, items: readonly CatalogueItem[]): Weighted {
  const rows = [...prior.keys()].filter(
    (i) => (prior[i] ?? 0) > 0 && items[i]?.available !== false,
  );
  rows.sort((a, b) => (prior[b] ?? 0) - (prior[a] ?? 0) || a - b);
  return rows.slice(0, POPULAR_ITEMS).map((index) => ({ index, weight: prior[index] ?? 0 }));
}

/**
 * How many standard deviations the weighted items lie closer to the campaign than the
 * catalogue's items do on average. Averaging per-item scores (rather than taking the cosine of
 * the mean vector) keeps the figure free of the mean vector's length: a profile of many
 * different items would otherwise look close to every campaign.
 */
export function standardFit(campaign: PreparedCampaign, matrix: ItemMatrix, set: Weighted): number {
  let total = 0;
  let weights = 0;
  for (const { index, weight } of set) {
    total += weight * rowDot(matrix, index, campaign.vector);
    weights += weight;
  }
  if (weights <= 0 || campaign.spread <= 0) return 0;
  return (total / weights - campaign.mean) / campaign.spread;
}

/** The fit of a campaign to a taste: liked items draw it near, disliked ones push it away. */
export function tasteFit(campaign: PreparedCampaign, matrix: ItemMatrix, taste: Taste): number {
  const toward = standardFit(campaign, matrix, taste.liked);
  const away = taste.disliked.length > 0 ? standardFit(campaign, matrix, taste.disliked) : 0;
  return toward - NEGATIVE_WEIGHT * away;
}

/** The liked item that contributes most to the fit: what the reason names. */
export function strongestMatch(
  campaign: PreparedCampaign,
  matrix: ItemMatrix,
  taste: Taste,
): number | null {
  let best: number | null = null;
  let bestValue = -Infinity;
  for (const { index, weight } of taste.liked) {
    const value = weight * (rowDot(matrix, index, campaign.vector) - campaign.mean);
    if (value > bestValue) {
      bestValue = value;
      best = index;
    }
  }
  return best;
}
