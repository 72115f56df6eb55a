import { byUser, type LogEvent } from '../../src/shared/eval/log';
import { listMetrics } from '../../src/shared/eval/metrics';
import { splitByTime } from '../../src/shared/eval/split';
import { ACCEPT_Z, fitGlobalModel, pairedZ } from '../../src/shared/global/build';
import type { Recency, SparseRows } from '../../src/shared/global/sparse-rows';
import { eventWeight } from '../../src/shared/interactions/signals';
import type { Interaction } from '../../src/shared/interactions/types';
import { GLOBAL_INIT_W } from '../../workers/engine/head/scoring-head';
import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import { buildSpace, type SpaceOptions } from './eval-space';
import { OnDeviceModel } from './on-device';

/** Starting weights of the global score tried (the built-in one first: it wins ties). */
export const START_WEIGHTS = [GLOBAL_INIT_W, 2, 4, 8, 16] as const;
/** Users whose held-out items choose the weight (spread over the log): bounds the cost. */
const VALIDATION_USERS = 500;

export interface StartWeightChoice {
  weight: number;
  /** Validation NDCG@10 of the untrained head per weight tried. */
  tried: Record<string, number>;
  users: number;
}

/**
 * The head's starting weight on the global score, chosen on the shop's own log with the device's
 * own code: per user the last 20 % of their events are held out; a model with the chosen λ and
 * recency, and the item space the device would have (text vectors, collaborative vectors and
 * popularity: `spaceOptions` as for the real build), are made from the rest only (a space made
 * from the whole log would know the held-out items' co-usage and favour the visitor's own
 * similarities); then the untrained head (global-only) ranks each validation user's catalogue
 * through the device's feed for each weight of START_WEIGHTS. The best weight is kept only when
 * its paired gain over the built-in one reaches ACCEPT_Z standard errors: how far to trust the
 * shop's model over the visitor's own similarities depends on how good the model is against the
 * text (and collaborative) vectors, which only the shop's data can say.
 */
export async function chooseStartWeight(
  catalogueItems: readonly CatalogueItem[],
  events: readonly LogEvent[],
  settings: { lambda: number; recency: Recency; k?: number },
  spaceOptions: SpaceOptions,
): Promise<StartWeightChoice> {
  const splits = splitByTime(byUser(events));
  const train = splits.flatMap((s) => s.train);
  const space = await buildSpace(catalogueItems, train, spaceOptions);
  const ids = space.items.map((item) => item.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const model = fitGlobalModel(ids, train, settings);
  const cases = splits.flatMap((split) => {
    const exclude = new Set(split.train.flatMap((e) => indexOf.get(e.item) ?? []));
    const relevant = new Set(
      split.test.flatMap((e) => {
        const row = indexOf.get(e.item);
        return row !== undefined && !exclude.has(row) && eventWeight(toInteraction(e)) > 0
          ? [row]
          : [];
      }),
    );
    const history = split.train.filter((e) => indexOf.has(e.item)).map(toInteraction);
    return relevant.size > 0 && history.length > 0
      ? [{ history, relevant, now: split.test[0]?.ts ?? 0 }]
      : [];
  });
  const step = Math.max(1, Math.ceil(cases.length / VALIDATION_USERS));
  const checked = cases.filter((_, i) => i % step === 0);
  const tried: Record<string, number> = {};
  const ndcgs = new Map<number, Float64Array>();
  for (const weight of START_WEIGHTS) {
    const device = new OnDeviceModel(space.items, space.matrix, space.prior, {
      ...model,
      startWeight: weight,
    } satisfies SparseRows);
    const values = new Float64Array(checked.length);
    for (const [n, c] of checked.entries()) {
      const list = await device.recommend(c.history, c.now, 10, false);
      values[n] = listMetrics(list, c.relevant, 10).ndcg;
    }
    device.dispose();
    ndcgs.set(weight, values);
    tried[String(weight)] = Number(mean(values).toFixed(5));
  }
  const base = ndcgs.get(GLOBAL_INIT_W) ?? new Float64Array();
  let weight: number = GLOBAL_INIT_W;
  for (const candidate of START_WEIGHTS) {
    if ((tried[String(candidate)] ?? 0) > (tried[String(weight)] ?? 0)) weight = candidate;
  }
  if (pairedZ(ndcgs.get(weight) ?? base, base) < ACCEPT_Z) weight = GLOBAL_INIT_W;
  return { weight, tried, users: checked.length };
}

const toInteraction = (e: LogEvent): Interaction => ({
  type: e.type,
  itemId: e.item,
  ts: e.ts,
  ...(e.value === undefined ? {} : { value: e.value }),
});

function mean(values: Float64Array): number {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
