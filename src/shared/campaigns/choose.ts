import type { CatalogueItem } from '../catalogue/schema';
import type { ItemSignal } from '../interactions/signals';
import { rowsDot, type ItemMatrix } from '../ranking/matrix';
import { mayShow, type CampaignState } from './capping';
import type { PreparedCampaign } from './prepare';
import { strongestMatch, tasteFit, tasteOf, type Taste } from './taste';
import { isActive } from './validity';

/**
 * A campaign fits when the visitor's items lie on average at least this many standard
 * deviations closer to it than the catalogue's items do (a scale-free bar: see taste.ts).
 */
export const FIT_THRESHOLD = 1;
/** Share of views (of visitors with a history) that show another campaign than the top match. */
export const EXPLORATION_SHARE = 0.05;

/** Why this campaign: what matched, the shop's popular items, or exploration. */
export type CampaignReason =
  { kind: 'interest'; itemIndex: number } | { kind: 'popular' } | { kind: 'explore' };

export interface ChoiceInput {
  campaigns: readonly PreparedCampaign[];
  matrix: ItemMatrix;
  prior: Float32Array;
  items: readonly CatalogueItem[];
  /** The feed's signals (aggregateSignals of the counted history). */
  signals: readonly ItemSignal[];
  state: CampaignState;
  now: number;
}

export interface ChoiceOptions {
  /** Draws the exploration (seeded by the caller, so a choice is reproducible). */
  random: () => number;
  explorationShare?: number;
}

export interface CampaignChoice {
  campaign: PreparedCampaign;
  fit: number;
  reason: CampaignReason;
  taste: Taste;
}

/**
 * Picks at most one campaign for this view: among those in their validity window, neither
 * dismissed nor shown too often today, the one the visitor's taste fits best, if it fits at
 * all; now and then (EXPLORATION_SHARE) another eligible one instead. A new visitor is matched
 * against the popular items, and gets none when nothing fits them.
 */
export function chooseCampaign(input: ChoiceInput, options: ChoiceOptions): CampaignChoice | null {
  const taste = tasteOf(input.signals, input.prior, input.items);
  const scored = input.campaigns
    .filter((c) => isActive(c.campaign, input.now) && mayShow(input.state, c.campaign.id))
    .map((campaign, order) => ({ campaign, order, fit: tasteFit(campaign, input.matrix, taste) }))
    .sort((a, b) => b.fit - a.fit || a.order - b.order);
  const top = scored[0];
  if (!top || !(top.fit >= FIT_THRESHOLD)) return null;
  const others = scored.slice(1);
  const share = options.explorationShare ?? EXPLORATION_SHARE;
  if (taste.source === 'history' && others.length > 0 && options.random() < share) {
    const pick = others[Math.floor(options.random() * others.length)] ?? top;
    return { campaign: pick.campaign, fit: pick.fit, reason: { kind: 'explore' }, taste };
  }
  const matched = strongestMatch(top.campaign, input.matrix, taste);
  const reason: CampaignReason =
    taste.source === 'popular' || matched === null
      ? { kind: 'popular' }
      : { kind: 'interest', itemIndex: matched };
  return { campaign: top.campaign, fit: top.fit, reason, taste };
}

/**
 * The campaign's items to show with it: available, not bought, the ones nearest the visitor's
 * taste first (catalogue rows).
 */
export function campaignRows(
  choice: CampaignChoice,
  input: Pick<ChoiceInput, 'matrix' | 'items' | 'signals'>,
  count: number,
): number[] {
  const bought = new Set(input.signals.filter((s) => s.purchased).map((s) => s.index));
  const near = (index: number) =>
    choice.taste.liked.reduce(
      (sum, { index: liked, weight }) => sum + weight * rowsDot(input.matrix, index, liked),
      0,
    );
  return choice.campaign.rows
    .filter((index) => input.items[index]?.available !== false && !bought.has(index))
    .map((index, order) => ({ index, order, score: near(index) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, count)
    .map(({ index }) => index);
}
