import { ItemKnn, topK } from '../../src/shared/eval/baselines';
import { LearningCurve, type CurvePoint } from '../../src/shared/eval/curve';
import type { LogEvent } from '../../src/shared/eval/log';
import { intraListDiversity, listMetrics, MetricTotals } from '../../src/shared/eval/metrics';
import type { UserSplit } from '../../src/shared/eval/split';
import { aggregateSignals, eventWeight } from '../../src/shared/interactions/signals';
import { isEngagement, type Interaction } from '../../src/shared/interactions/types';
import { ProfileScorer } from '../../src/shared/ranking/personal';
import type { EvalSpace } from './eval-space';
import { OnDeviceModel } from './on-device';

export interface EvalSettings {
  k: number;
  maxUsers: number;
  /** Neighbourhood sizes tried for item-kNN; the best one is reported (in its favour). */
  knnSizes: number[];
}

export interface EvalResult {
  report: {
    k: number;
    users: number;
    items: number;
    skippedUsers: number;
    models: Record<string, ReturnType<MetricTotals['summary']>>;
    ratios: Record<string, number>;
    itemKnn: { neighbours: number; tried: Record<string, number> };
    protocol: string;
  };
  curve: Record<string, CurvePoint[]>;
}

const PROTOCOL =
  'Per user, the last 20% of interactions in time (at least one) are held out; models learn only ' +
  "from the user's earlier interactions (popularity, collaborative vectors and item-kNN from all " +
  "users' earlier interactions). Ranking is over the full catalogue minus the items the user " +
  'already had; relevant items are the held-out positive ones. MRR is MRR@K.';

const toInteraction = (e: LogEvent): Interaction => ({
  type: e.type,
  itemId: e.item,
  ts: e.ts,
  ...(e.value === undefined ? {} : { value: e.value }),
});

/** Replays every user (up to maxUsers with a held-out positive) through each model. */
export async function runEvaluation(
  space: EvalSpace,
  splits: readonly UserSplit[],
  settings: EvalSettings,
  progress: (done: number, total: number) => void,
): Promise<EvalResult> {
  const indexOf = new Map(space.items.map((item, index) => [item.id, index]));
  const evaluable = splits
    .map((split) => userCase(split, indexOf))
    .filter((c) => c.relevant.size > 0);
  const cases = evaluable.slice(0, settings.maxUsers);
  const knns = settings.knnSizes.map((size) => ({
    size,
    model: new ItemKnn(
      space.items.length,
      splits.map((s) => positives(s.train, indexOf)),
      size,
    ),
  }));
  const device = new OnDeviceModel(space.items, space.matrix, space.prior);
  const totals = new Map<string, MetricTotals>();
  const curve = new LearningCurve();
  const record = (model: string, list: number[], c: UserCase) => {
    if (list.some((item) => c.exclude.has(item))) {
      throw new Error(`${model} recommended an item ${c.user} already had`);
    }
    const metrics = listMetrics(list, c.relevant, settings.k);
    const entry = totals.get(model) ?? new MetricTotals();
    entry.add(list, metrics, intraListDiversity(list, space.text));
    totals.set(model, entry);
    curve.add(model, c.history.filter(isEngagement).length, metrics.ndcg);
  };
  const profile = new ProfileScorer();
  for (const [n, c] of cases.entries()) {
    record('on-device', await device.recommend(c.history, c.now, settings.k), c);
    record('profile-fallback', await device.rankWith(profile, c.history, c.now, settings.k), c);
    record('popularity', topK(space.popularity, settings.k, c.exclude), c);
    const signals = aggregateSignals(c.history, indexOf, c.now);
    const content = await profile.score({
      history: c.history,
      signals,
      matrix: space.text,
      indexOf,
      now: c.now,
    });
    record('content', content ? topK(content.scores, settings.k, c.exclude) : [], c);
    for (const knn of knns) {
      record(`item-knn@${knn.size}`, topK(knn.model.scores(c.liked), settings.k, c.exclude), c);
    }
    if ((n + 1) % 25 === 0 || n + 1 === cases.length) progress(n + 1, cases.length);
  }
  device.dispose();
  return summarise(space, settings, cases.length, splits.length - evaluable.length, totals, curve);
}

interface UserCase {
  user: string;
  history: Interaction[];
  liked: number[];
  exclude: Set<number>;
  relevant: Set<number>;
  now: number;
}

function positives(events: readonly LogEvent[], indexOf: ReadonlyMap<string, number>): number[] {
  return events.flatMap((e) => {
    const index = indexOf.get(e.item);
    return index !== undefined && eventWeight(toInteraction(e)) > 0 ? [index] : [];
  });
}

function userCase(split: UserSplit, indexOf: ReadonlyMap<string, number>): UserCase {
  const history = split.train.filter((e) => indexOf.has(e.item)).map(toInteraction);
  const exclude = new Set(split.train.flatMap((e) => indexOf.get(e.item) ?? []));
  const relevant = new Set(positives(split.test, indexOf).filter((i) => !exclude.has(i)));
  return {
    user: split.user,
    history,
    liked: positives(split.train, indexOf),
    exclude,
    relevant,
    now: split.test[0]?.ts ?? 0,
  };
}

function summarise(
  space: EvalSpace,
  settings: EvalSettings,
  users: number,
  skippedUsers: number,
  totals: ReadonlyMap<string, MetricTotals>,
  curve: LearningCurve,
): EvalResult {
  const all = new Map([...totals].map(([name, t]) => [name, t.summary(space.items.length)]));
  const tried: Record<string, number> = {};
  let best = { size: settings.knnSizes[0] ?? 0, ndcg: -1 };
  for (const size of settings.knnSizes) {
    const ndcg = all.get(`item-knn@${size}`)?.ndcg ?? 0;
    tried[String(size)] = ndcg;
    if (ndcg > best.ndcg) best = { size, ndcg };
  }
  const models: EvalResult['report']['models'] = {};
  for (const [name, summary] of all) if (!name.startsWith('item-knn@')) models[name] = summary;
  const knn = all.get(`item-knn@${best.size}`);
  if (knn) models['item-knn'] = knn;
  const points = curve.points();
  const kept: Record<string, CurvePoint[]> = {};
  for (const name of ['on-device', 'popularity', 'content']) kept[name] = points[name] ?? [];
  kept['item-knn'] = points[`item-knn@${best.size}`] ?? [];
  const ours = models['on-device']?.ndcg ?? 0;
  const ratios: Record<string, number> = {};
  for (const [name, m] of Object.entries(models)) {
    if (name !== 'on-device') ratios[`on-device/${name}`] = m.ndcg > 0 ? ours / m.ndcg : Infinity;
  }
  return {
    report: {
      k: settings.k,
      users,
      items: space.items.length,
      skippedUsers,
      models,
      ratios,
      itemKnn: { neighbours: best.size, tried },
      protocol: PROTOCOL,
    },
    curve: kept,
  };
}
