import {
  localDay,
  readCampaignState,
  withDismissal,
  withShowing,
  type CampaignState,
} from '../../src/shared/campaigns/capping';
import { campaignRows, chooseCampaign } from '../../src/shared/campaigns/choose';
import {
  campaignText,
  prepareCampaign,
  type PreparedCampaign,
} from '../../src/shared/campaigns/prepare';
import { campaignReasonView, describeCampaignReason } from '../../src/shared/campaigns/reason';
import { padVector } from '../../src/shared/collab/combine';
import type { CampaignOptions, CampaignView } from '../../src/shared/engine-api';
import { fnv1a } from '../../src/shared/hash';
import { aggregateSignals } from '../../src/shared/interactions/signals';
import { isEngagement, type Interaction } from '../../src/shared/interactions/types';
import { seededRandom } from '../../src/shared/random';
import type { Repository } from '../storage/repository';
import type { Loaded, VectorIndex } from './load-state';

/** Where the capping state lives: the `settings` store, so exports carry it and forget() erases it. */
export const CAMPAIGN_SETTING = 'campaigns';
const DEFAULT_ITEMS = 4;

/**
 * On-device campaigns: places the catalogue's campaigns in the item space of the encoder in use
 * (once per index), chooses one per view, and keeps the frequency capping in storage. Calls run
 * one at a time, so two views never both read the same count and both write it plus one.
 */
export class Campaigns {
  private readonly prepared = new WeakMap<VectorIndex, Promise<PreparedCampaign[]>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly repository: Repository) {}

  /** Chooses this view's campaign; records the showing unless `record` is false (paused). */
  choose(
    state: Loaded,
    history: readonly Interaction[],
    options: CampaignOptions,
    record: boolean,
  ): Promise<CampaignView | null> {
    return this.serial(async () => {
      const now = Date.now();
      const stored = await this.read(now);
      const campaigns = await this.place(state);
      const signals = aggregateSignals(history, state.indexOf, now);
      const { matrix } = state.index;
      const input = { campaigns, matrix, prior: state.prior, items: state.catalogue.items };
      const context = { ...input, signals, state: stored, now };
      const choice = chooseCampaign(context, { random: seededRandom(seed(stored, history)) });
      if (!choice) return null;
      const { campaign } = choice.campaign;
      if (record) await this.write(withShowing(stored, campaign.id));
      const rows = campaignRows(choice, context, options.items ?? DEFAULT_ITEMS);
      const why = campaignReasonView(choice.reason, state.catalogue.items);
      return {
        id: campaign.id,
        title: campaign.title,
        ...(campaign.text === undefined ? {} : { text: campaign.text }),
        reason: describeCampaignReason(why),
        why,
        itemIds: rows.map((index) => state.catalogue.items[index]?.id ?? ''),
      };
    });
  }

  /** The visitor dismissed a campaign: stored at once, never chosen again. */
  dismiss(id: string): Promise<void> {
    return this.serial(async () => {
      await this.write(withDismissal(await this.read(Date.now()), id));
    });
  }

  /** The ids of the campaigns the visitor dismissed (here or in another tab), oldest first. */
  dismissed(): Promise<string[]> {
    return this.serial(async () => (await this.read(Date.now())).dismissed);
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(now: number): Promise<CampaignState> {
    const settings = await this.repository.settings();
    return readCampaignState(settings[CAMPAIGN_SETTING], localDay(now));
  }

  private write(state: CampaignState): Promise<void> {
    return this.repository.putSettings({ [CAMPAIGN_SETTING]: state });
  }

  /** The campaigns under the index in use; a new encoder or catalogue places them anew. */
  private place(state: Loaded): Promise<PreparedCampaign[]> {
    const index = state.index;
    let placed = this.prepared.get(index);
    if (!placed) {
      placed = Promise.all(
        (state.catalogue.campaigns ?? []).map(async (campaign) => {
          const text = await index.encoder.encodeQuery(campaignText(campaign));
          return prepareCampaign(
            campaign,
            padVector(text, index.matrix.dims),
            index.matrix,
            state.indexOf,
          );
        }),
      );
      this.prepared.set(index, placed);
      placed.catch(() => this.prepared.delete(index));
    }
    return placed;
  }
}

/**
 * The exploration draw's seed: the day, the showings so far today and the amount of engagement,
 * so successive views differ while a test can reproduce any of them.
 */
function seed(state: CampaignState, history: readonly Interaction[]): number {
  const shown = state.shown.reduce((sum, [, count]) => sum + count, 0);
  return fnv1a(`${state.day}|${shown}|${history.filter(isEngagement).length}`);
}
