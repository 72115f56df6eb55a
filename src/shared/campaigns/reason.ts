import type { CatalogueItem } from '../catalogue/schema';
import { topCategory } from '../ranking/explain';
import type { CampaignReason } from './choose';

/** Why a campaign was chosen, as data a page words in its own language. */
export type CampaignReasonView =
  /** The visitor's items matched: `topic` is the matched item's top category, else its title. */
  { kind: 'interest'; topic: string; itemId: string } | { kind: 'popular' } | { kind: 'explore' };

/** The reason with the matched catalogue row turned into what the page names. */
export function campaignReasonView(
  reason: CampaignReason,
  items: readonly CatalogueItem[],
): CampaignReasonView {
  if (reason.kind !== 'interest') return reason;
  const item = items[reason.itemIndex];
  return {
    kind: 'interest',
    topic: topCategory(item) ?? `“${item?.title ?? ''}”`,
    itemId: item?.id ?? '',
  };
}

/** The reason in English (the API's `reason`; pages word `why` themselves). */
export function describeCampaignReason(view: CampaignReasonView): string {
  switch (view.kind) {
    case 'interest':
      return `Because you like ${view.topic}`;
    case 'popular':
      return 'Popular in this shop right now';
    case 'explore':
      return 'Something different from what you usually look at';
  }
}
