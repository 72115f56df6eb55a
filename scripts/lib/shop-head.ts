import { byUser, toInteraction, type LogEvent } from '../../src/shared/eval/log';
import { listMetrics } from '../../src/shared/eval/metrics';
import { splitByTime } from '../../src/shared/eval/split';
import { fitGlobalModel, mean, pairedZ } from '../../src/shared/global/build';
import type { Recency, SparseRows, StartHead } from '../../src/shared/global/sparse-rows';
import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import { concatBatches, type Batch } from '../../src/shared/head/batch';
import { headEvents } from '../../src/shared/head/events';
import { buildExamples } from '../../src/shared/head/examples';
import { toBatch } from '../../src/shared/head/features';
import { mixedSampler } from '../../src/shared/head/negatives';
import { headSpace } from '../../src/shared/head/space';
import { eventWeight } from '../../src/shared/interactions/signals';
import type { Interaction } from '../../src/shared/interactions/types';
import { seededRandom } from '../../src/shared/random';
import { initialParams, ScoringHead } from '../../workers/engine/head/scoring-head';
import { FULL_TRAINING, fitTable } from '../../workers/engine/head/trainer';
import { buildSpace, type SpaceOptions } from './eval-space';
import { OnDeviceModel } from './on-device';

/** Users of the log whose held-out events teach and check the shop's head: bounds the cost. */
const MAX_USERS = 1_000;
/** Held-out examples taken per user, so that a few heavy users do not make the whole head. */
const EXAMPLES_PER_USER = 200;
/** The pooled table is larger than a visitor's: bigger batches, same loop and settings. */
const POOLED = { ...FULL_TRAINING, batchSize: 512, acceptZ: 0 };

export interface ShopHeadChoice {
  /** The learned starting head, or null when it did not beat the built-in start. */
  head: StartHead | null;
  users: number;
  examples: number;
  /** Validation NDCG@10 of the untrained feed from each start, each user ranked by a head not taught by them. */
  ndcg: { builtIn: number; learned: number };
  /** The paired gain of the learned start over the built-in one, in standard errors. */
  z: number;
}

interface ValidationUser {
  batch: Batch;
  history: Interaction[];
  relevant: Set<number>;
  now: number;
}

/**
 * The head's starting point, learned by the shop from its own log with the device's own trainer
 * (fitTable, the loop a visitor's head trains with). Per user the last 20 % of their events are
 * held out; a global model with the chosen λ and recency and the item space the device would
 * have are made from the rest only (a space made from the whole log would know the held-out
 * co-usage). Each held-out event becomes examples as on the device (the event against sampled
 * negatives, from the events before it): how a visitor's next choice relates to their own
 * similarities, the shop's global score, categories and popularity, learned over many visitors
 * at once. Kept only when it ranks better than the built-in start: each half of the users is
 * ranked (untrained feed, held-out items) by a head learned from the other half, and the mean
 * NDCG@10 must be higher; the shipped head then learns from all of them. One alternative decided
 * on users it did not learn from needs no significance margin (the settings grids of build.ts
 * do: the best of twenty wins partly by chance); a wrong choice costs little exactly when the
 * two are close. (On MovieLens the gain was +3.7 % at 0.98 standard errors, on Amazon Magazine
 * −4.5 %: docs/evaluation.md.)
 */
export async function learnShopHead(
  catalogueItems: readonly CatalogueItem[],
  events: readonly LogEvent[],
  settings: { lambda: number; recency: Recency; k?: number },
  spaceOptions: SpaceOptions,
): Promise<ShopHeadChoice> {
  const splits = splitByTime(byUser(events));
  const train = splits.flatMap((s) => s.train);
  const space = await buildSpace(catalogueItems, train, spaceOptions);
  const indexOf = new Map(space.items.map((item, i) => [item.id, i]));
  const model = fitGlobalModel(
    space.items.map((item) => item.id),
    train,
    settings,
  );
  const head = headSpace(space.matrix, space.items, space.prior, model);
  const random = seededRandom(11);
  const step = Math.max(1, Math.ceil(splits.length / MAX_USERS));
  const users = splits.flatMap((split, n): ValidationUser[] => {
    if (n % step !== 0) return [];
    const all = headEvents([...split.train, ...split.test].map(toInteraction), indexOf);
    const seen = headEvents(split.train.map(toInteraction), indexOf).length;
    if (seen === 0 || all.length === seen) return [];
    const sample = mixedSampler(head, all.slice(0, seen), random);
    const examples = buildExamples(all, sample)
      .filter((example) => example.at >= seen)
      .slice(0, EXAMPLES_PER_USER);
    if (examples.length === 0) return [];
    const had = new Set(split.train.flatMap((e) => indexOf.get(e.item) ?? []));
    const relevant = new Set(
      split.test.flatMap((e) => {
        const row = indexOf.get(e.item);
        const liked = eventWeight(toInteraction(e)) > 0 && e.type !== 'impression';
        return row !== undefined && liked && !had.has(row) ? [row] : [];
      }),
    );
    return [
      {
        batch: toBatch(all, examples, head),
        history: split.train.filter((e) => indexOf.has(e.item)).map(toInteraction),
        relevant,
        now: split.test[0]?.ts ?? 0,
      },
    ];
  });
  const examples = users.reduce((total, user) => total + user.batch.size, 0);
  const none = {
    head: null,
    users: users.length,
    examples,
    ndcg: { builtIn: 0, learned: 0 },
    z: 0,
  };
  if (users.length < 4) return none;
  const learn = (group: readonly ValidationUser[]) => fitHead(model, space.matrix.dims, group);
  const halves = [users.filter((_, i) => i % 2 === 0), users.filter((_, i) => i % 2 === 1)];
  const rank = async (start: StartHead | null, group: readonly ValidationUser[]) => {
    const device = new OnDeviceModel(space.items, space.matrix, space.prior, {
      ...model,
      ...(start ? { startHead: start } : {}),
    } satisfies SparseRows);
    const out: number[] = [];
    for (const user of group) {
      const list = await device.recommend(user.history, user.now, 10, false);
      out.push(listMetrics(list, user.relevant, 10).ndcg);
    }
    device.dispose();
    return out;
  };
  const [even = [], odd = []] = halves;
  const builtIn = [...(await rank(null, even)), ...(await rank(null, odd))];
  const crossed = [
    ...(await rank(await learn(odd), even)),
    ...(await rank(await learn(even), odd)),
  ];
  const z = pairedZ(crossed, builtIn);
  const ndcg = { builtIn: mean(builtIn), learned: mean(crossed) };
  const chosen = ndcg.learned > ndcg.builtIn ? await learn(users) : null;
  return { head: chosen, users: users.length, examples, ndcg, z: Number(z.toFixed(2)) };
}

/**
 * One head trained on the pooled examples of `group`, from the built-in start: the last fifth
 * of the users are held out for early stopping (whole users, so it checks on visitors it has not
 * seen).
 */
async function fitHead(
  model: SparseRows,
  dims: number,
  group: readonly ValidationUser[],
): Promise<StartHead> {
  const cut = Math.max(1, Math.floor(group.length * 0.8));
  const fit = group.slice(0, cut);
  const table = concatBatches([...fit, ...group.slice(cut)].map((user) => user.batch));
  const trainRows = fit.reduce((total, user) => total + user.batch.size, 0);
  const start = initialParams(dims, 7, { ...model, startWeight: undefined });
  const head = new ScoringHead(start, start.w, 'shared');
  try {
    await fitTable(head, table, trainRows, POOLED, seededRandom(3));
    const { typeLogit, decayRaw, simGain, u, w, b } = await head.snapshot();
    return { typeLogit, decayRaw, simGain, u, w, b };
  } finally {
    head.dispose();
  }
}

/** What the report says of the shop's starting head (its values are in the file). */
export function shopHeadReport(start: ShopHeadChoice) {
  return {
    learned: start.head !== null,
    users: start.users,
    examples: start.examples,
    validationNdcg: {
      builtIn: Number(start.ndcg.builtIn.toFixed(5)),
      learned: Number(start.ndcg.learned.toFixed(5)),
    },
    z: start.z,
    globalWeight: start.head ? Number((start.head.w[7] ?? 0).toFixed(3)) : null,
  };
}
