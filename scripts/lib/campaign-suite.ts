/**
 * A generated suite of visitors with known tastes, replayed against the demo catalogue's
 * campaigns with the lexical encoder: each visitor clicks a few items of one campaign's
 * subcategories, and the suite counts how often that campaign is the one chosen. Control
 * visitors click in categories no campaign is about. Used by scripts/campaign-suite.ts (which
 * prints the figures) and by its test.
 */
import { readFileSync } from 'node:fs';
import { chooseCampaign, type CampaignChoice } from '../../src/shared/campaigns/choose';
import { emptyCampaignState, localDay } from '../../src/shared/campaigns/capping';
import { campaignText, prepareCampaign } from '../../src/shared/campaigns/prepare';
import { parseCatalogue } from '../../src/shared/catalogue/parse';
import type { Catalogue } from '../../src/shared/catalogue/schema';
import { LexicalEncoder } from '../../src/shared/encoder/lexical';
import { aggregateSignals } from '../../src/shared/interactions/signals';
import type { Interaction } from '../../src/shared/interactions/types';
import { popularityPrior } from '../../src/shared/ranking/prior';
import { seededRandom } from '../../src/shared/random';
import { CAMPAIGNS } from '../catalogue-data/campaigns';

const CATALOGUE_URL = new URL('../../public/catalogue.json', import.meta.url);
/** Inside every demo campaign's validity window. */
const NOW = Date.parse('2026-12-10T12:00:00Z');
const DAY_MS = 86_400_000;

export interface SuiteOptions {
  visitorsPerTaste: number;
  seed: number;
}

export interface SuiteFigures {
  campaigns: number;
  visitors: number;
  /** Share of visitors whose own campaign is the top match (exploration off). */
  topMatch: number;
  /** Share shown their own campaign with exploration on (what visitors actually see). */
  served: number;
  /** Control visitors (tastes no campaign is about) who get no campaign at all. */
  controls: number;
  controlsWithNone: number;
  /** What a visitor without history gets. */
  newVisitor: string | null;
}

/** Runs the suite on the committed demo catalogue. */
export async function runCampaignSuite(options: SuiteOptions): Promise<SuiteFigures> {
  const catalogue = parseCatalogue(readFileSync(CATALOGUE_URL, 'utf8'));
  const choose = await chooser(catalogue);
  const random = seededRandom(options.seed);
  let top = 0;
  let served = 0;
  let visitors = 0;
  for (const spec of CAMPAIGNS) {
    const pool = catalogue.items.filter((item) => spec.subcategories.includes(item.category ?? ''));
    for (let v = 0; v < options.visitorsPerTaste; v++) {
      const history = clicks(
        pool.map((item) => item.id),
        random,
      );
      visitors += 1;
      if (choose(history, 0, random)?.campaign.campaign.id === spec.id) top += 1;
      if (choose(history, undefined, random)?.campaign.campaign.id === spec.id) served += 1;
    }
  }
  const covered = new Set(CAMPAIGNS.flatMap((spec) => spec.subcategories.map(topOf)));
  const others = catalogue.items.filter((item) => !covered.has(topOf(item.category ?? '')));
  const controlTastes = [...new Set(others.map((item) => topOf(item.category ?? '')))];
  let controlsWithNone = 0;
  for (const taste of controlTastes) {
    const pool = others.filter((item) => topOf(item.category ?? '') === taste);
    for (let v = 0; v < options.visitorsPerTaste; v++) {
      if (
        choose(
          clicks(
            pool.map((item) => item.id),
            random,
          ),
          0,
          random,
        ) === null
      ) {
        controlsWithNone += 1;
      }
    }
  }
  return {
    campaigns: CAMPAIGNS.length,
    visitors,
    topMatch: top / visitors,
    served: served / visitors,
    controls: controlTastes.length * options.visitorsPerTaste,
    controlsWithNone,
    newVisitor: choose([], 0, random)?.campaign.campaign.id ?? null,
  };
}

const topOf = (category: string) => category.split('>')[0]?.trim() ?? '';

/** 3 to 6 clicks on distinct items of the pool over the past week. */
function clicks(pool: readonly string[], random: () => number): Interaction[] {
  const count = 3 + Math.floor(random() * 4);
  const ids = [...pool].sort(() => random() - 0.5).slice(0, count);
  return ids.map((itemId) => ({
    type: 'click',
    itemId,
    ts: NOW - Math.floor(random() * 7 * DAY_MS),
  }));
}

type Choose = (
  history: readonly Interaction[],
  explorationShare: number | undefined,
  random: () => number,
) => CampaignChoice | null;

async function chooser(catalogue: Catalogue): Promise<Choose> {
  const encoder = new LexicalEncoder(catalogue.items);
  const matrix = await encoder.encodeItems(catalogue.items);
  const indexOf = new Map(catalogue.items.map((item, index) => [item.id, index]));
  const prior = popularityPrior(catalogue.items);
  const campaigns = await Promise.all(
    (catalogue.campaigns ?? []).map(async (campaign) =>
      prepareCampaign(campaign, await encoder.encodeQuery(campaignText(campaign)), matrix, indexOf),
    ),
  );
  const state = emptyCampaignState(localDay(NOW));
  return (history, explorationShare, random) =>
    chooseCampaign(
      {
        campaigns,
        matrix,
        prior,
        items: catalogue.items,
        signals: aggregateSignals(history, indexOf, NOW),
        state,
        now: NOW,
      },
      { random, ...(explorationShare === undefined ? {} : { explorationShare }) },
    );
}
