import type { EngineChange } from '../shared/engine-api';
import type { PrivateRecs } from './private-recs';

/**
 * Whether a `change` or `status` event may have dismissed a campaign: a dismissal here or in
 * another tab, stored settings read anew (an import, an erasure, another tab), or a restart.
 */
export function campaignsMayChange(change: EngineChange | null): boolean {
  return change === null || change.kinds.some((k) => k === 'campaigns' || k === 'preferences');
}

/**
 * Calls `onDismissed` once the campaign `id` on show is dismissed anywhere on this device (this
 * tab, another tab, the API), or once the history it was chosen from is erased (its reason
 * named what the visitor liked), so every view of it goes without a reload. Returns the stop.
 *
 * @example
 * const stop = watchDismissal(recs, campaign.id, () => hide());
 */
export function watchDismissal(recs: PrivateRecs, id: string, onDismissed: () => void): () => void {
  let live = true;
  const check = (event: Event) => {
    const change = (event as CustomEvent<EngineChange | null>).detail;
    if (change?.kinds.includes('erased')) {
      if (live) onDismissed();
      return;
    }
    if (!campaignsMayChange(change)) return;
    recs.internals.dismissedCampaigns().then(
      (dismissed) => {
        if (live && dismissed.includes(id)) onDismissed();
      },
      (error: unknown) => {
        // The view stays as it is; the next change looks again.
        console.warn('private-recs: could not check the campaign on show.', error);
      },
    );
  };
  recs.addEventListener('change', check);
  recs.addEventListener('status', check);
  return () => {
    live = false;
    recs.removeEventListener('change', check);
    recs.removeEventListener('status', check);
  };
}
