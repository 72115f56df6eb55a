import { useEffect, useState } from 'react';
import { watchDismissal } from '../../client/campaign-watch';
import type { PrivateRecs } from '../../client/private-recs';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { CampaignView } from '../../shared/engine-api';

export type CampaignState =
  { phase: 'loading' } | { phase: 'ready'; campaign: CampaignView | null } | { phase: 'failed' };

/**
 * The campaign for this view of the page, asked for once per visit of the page (each answer
 * counts as a showing) and again when the catalogue's items change; `hide()` drops it from view,
 * and so does a dismissal anywhere else on the device (another tab, the API).
 */
export function useCampaign(
  recs: PrivateRecs,
  catalogue: ReadonlyMap<string, CatalogueItem>,
  items: number,
): [CampaignState, () => void] {
  const [state, setState] = useState<CampaignState>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    recs.campaign({ items }).then(
      (campaign) => {
        if (live) setState({ phase: 'ready', campaign });
      },
      (error: unknown) => {
        // A campaign is extra: the page goes on without it; the operator reads why.
        console.warn('private-recs: no campaign could be chosen.', error);
        if (live) setState({ phase: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [recs, catalogue, items]);
  const shown = state.phase === 'ready' ? (state.campaign?.id ?? null) : null;
  useEffect(() => {
    if (shown === null) return;
    return watchDismissal(recs, shown, () => {
      setState({ phase: 'ready', campaign: null });
    });
  }, [recs, shown]);
  const hide = () => {
    setState({ phase: 'ready', campaign: null });
  };
  return [state, hide];
}
