import { Ease } from '../../src/shared/collab/ease';
import { ItemKnn, topK } from '../../src/shared/eval/baselines';
import { LearningCurve, type CurvePoint } from '../../src/shared/eval/curve';
import { toInteraction, type LogEvent } from '../../src/shared/eval/log';
import { intraListDiversity, listMetrics, MetricTotals } from '../../src/shared/eval/metrics';
import type { UserSplit } from '../../src/shared/eval/split';
import { aggregateSignals, eventWeight } from '../../src/shared/interactions/signals';
import { isEngagement, type Interaction } from '../../src/shared/interactions/types';
import { buildGlobalModel, type GlobalModelStats } from '../../src/shared/global/build';
import { decodeModel, encodeModel } from '../../src/shared/global/model-file';
import { ProfileScorer } from '../../src/shared/ranking/personal';
import type { EvalSpace, SpaceOptions } from './eval-space';
import { learnShopHead, shopHeadReport } from './shop-head';
import { OnDeviceModel } from './on-device';

export interface EvalSettings {
  k: number;
  maxUsers: number;
  /** Neighbourhood sizes tried for item-kNN; the best one is reported (in its favour). */
  knnSizes: number[];
  /** Regularisation strengths tried for EASE; the best one is reported (in its favour). */
  easeLambdas: number[];
  /**
   * How many users (the first evaluated ones) are also replayed event by event through the
   * device's incremental schedule (`fine-tuned (replay)`); 0 turns the replay off.
   */
  replayUsers: number;
  /** How the item space was built (the global model's start-weight validation builds its own). */
  space: SpaceOptions;
}

/** The incremental replay beside full training, on the same users. */
export interface ReplaySummary {
  users: number;
  /** NDCG@K of the replay and of full training (fine-tuned) on those users. */
  ndcg: number;
  fullNdcg: number;
  /** Replay ÷ full training. */
  ratio: number;
  runs: { full: number; incremental: number };
  seconds: number;
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
    ease: { lambda: number; tried: Record<string, number> };
    /** The shop's global model built from the training events (global-only, fine-tuned). */
    global: GlobalModelStats & {
      startHead: ReturnType<typeof shopHeadReport>;
      bytes: number;
      bytesPer10kItems: number;
      seconds: number;
    };
    replay: ReplaySummary | null;
    protocol: string;
  };
  curve: Record<string, CurvePoint[]>;
}

const PROTOCOL =
  'Per user, the last 20% of interactions in time (at least one) are held out; models learn only ' +
  "from the user's earlier interactions (popularity, collaborative vectors and item-kNN and EASE from all " +
  "users' earlier interactions; the global model of global-only and fine-tuned from the same " +
  'training events, its λ chosen on a held-out part of them, never on the test data). ' +
  'Ranking is over the full catalogue minus the items the user ' +
  'already had; relevant items are the held-out positive ones. MRR is MRR@K.';

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
  const liked = splits.map((s) => positives(s.train, indexOf));
  const knns = settings.knnSizes.map((size) => ({
    size,
    model: new ItemKnn(space.items.length, liked, size),
  }));
  const eases = settings.easeLambdas.map((lambda) => ({
    lambda,
    model: new Ease(space.items.length, liked, lambda),
  }));
  const device = new OnDeviceModel(space.items, space.matrix, space.prior);
  const built = performance.now();
  const ids = space.items.map((item) => item.id);
  const global = buildGlobalModel(
    ids,
    splits.flatMap((s) => s.train),
  );
  const start = await learnShopHead(
    space.items,
    splits.flatMap((s) => s.train),
    global.stats,
    settings.space,
  );
  const file = encodeModel(
    { ...global.model, ...(start.head ? { startHead: start.head } : {}) },
    ids,
    global.stats.lambda,
  );
  // The device's model is what it reads from the file (int8 rows, float32 head), not the build's.
  const globalModel = decodeModel(file.slice().buffer, ids).model;
  const bytes = file.byteLength;
  const globalInfo = {
    ...global.stats,
    startHead: shopHeadReport(start),
    bytes,
    bytesPer10kItems: Math.round((bytes / Math.max(1, ids.length)) * 10_000),
    seconds: Math.round((performance.now() - built) / 100) / 10,
  };
  const tuned = new OnDeviceModel(space.items, space.matrix, space.prior, globalModel);
  const totals = new Map<string, MetricTotals>();
  const curve = new LearningCurve();
  const record = (model: string, list: number[], c: UserCase, plotted = true) => {
    if (list.some((item) => c.exclude.has(item))) {
      throw new Error(`${model} recommended an item ${c.user} already had`);
    }
    const metrics = listMetrics(list, c.relevant, settings.k);
    const entry = totals.get(model) ?? new MetricTotals();
    entry.add(list, metrics, intraListDiversity(list, space.text));
    totals.set(model, entry);
    if (plotted) curve.add(model, c.history.filter(isEngagement).length, metrics.ndcg);
    return list;
  };
  const replay = { users: 0, runs: { full: 0, incremental: 0 }, ms: 0 };
  const profile = new ProfileScorer();
  for (const [n, c] of cases.entries()) {
    record('on-device', await device.recommend(c.history, c.now, settings.k), c);
    record('global-only', await tuned.recommend(c.history, c.now, settings.k, false), c);
    const full = record('fine-tuned', await tuned.recommend(c.history, c.now, settings.k), c);
    if (n < settings.replayUsers) {
      const started = performance.now();
      const onRun = (mode: 'full' | 'incremental') => (replay.runs[mode] += 1);
      record(REPLAY, await tuned.replay(c.history, c.now, settings.k, onRun), c);
      record(REPLAY_BASE, full, c, false);
      replay.users += 1;
      replay.ms += performance.now() - started;
    }
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
    for (const ease of eases) {
      record(`ease@${ease.lambda}`, topK(ease.model.scores(c.liked), settings.k, c.exclude), c);
    }
    if ((n + 1) % 25 === 0 || n + 1 === cases.length) progress(n + 1, cases.length);
  }
  device.dispose();
  tuned.dispose();
  const skipped = splits.length - evaluable.length;
  const replaySummary = summariseReplay(totals, replay);
  totals.delete(REPLAY_BASE);
  return summarise(space, settings, cases.length, skipped, totals, curve, {
    global: globalInfo,
    replay: replaySummary,
  });
}

const REPLAY = 'fine-tuned (replay)';
/** Full training on the replayed users only: what the replay is compared with. */
const REPLAY_BASE = 'fine-tuned on the replayed users';

function summariseReplay(
  totals: ReadonlyMap<string, MetricTotals>,
  replay: { users: number; runs: ReplaySummary['runs']; ms: number },
): ReplaySummary | null {
  if (replay.users === 0) return null;
  const ndcg = totals.get(REPLAY)?.summary(1).ndcg ?? 0;
  const fullNdcg = totals.get(REPLAY_BASE)?.summary(1).ndcg ?? 0;
  return {
    users: replay.users,
    ndcg,
    fullNdcg,
    ratio: fullNdcg > 0 ? ndcg / fullNdcg : Infinity,
    runs: replay.runs,
    seconds: Math.round(replay.ms / 1000),
  };
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

/** The best of a family of tuned baselines (`name@value`), picked on the test data. */
function pickBest(
  all: ReadonlyMap<string, ReturnType<MetricTotals['summary']>>,
  family: string,
  values: readonly number[],
): { value: number; tried: Record<string, number> } {
  const tried: Record<string, number> = {};
  let best = { value: values[0] ?? 0, ndcg: -1 };
  for (const value of values) {
    const ndcg = all.get(`${family}@${value}`)?.ndcg ?? 0;
    tried[String(value)] = ndcg;
    if (ndcg > best.ndcg) best = { value, ndcg };
  }
  return { value: best.value, tried };
}

function summarise(
  space: EvalSpace,
  settings: EvalSettings,
  users: number,
  skippedUsers: number,
  totals: ReadonlyMap<string, MetricTotals>,
  curve: LearningCurve,
  { global, replay }: Pick<EvalResult['report'], 'global' | 'replay'>,
): EvalResult {
  const all = new Map([...totals].map(([name, t]) => [name, t.summary(space.items.length)]));
  const knn = pickBest(all, 'item-knn', settings.knnSizes);
  const ease = pickBest(all, 'ease', settings.easeLambdas);
  const chosen = new Map([
    ['item-knn', `item-knn@${knn.value}`],
    ['ease', `ease@${ease.value}`],
  ]);
  const models: EvalResult['report']['models'] = {};
  for (const [name, summary] of all) if (!name.includes('@')) models[name] = summary;
  const points = curve.points();
  const kept: Record<string, CurvePoint[]> = {};
  for (const name of Object.keys(models)) kept[name] = points[name] ?? [];
  for (const [name, key] of chosen) {
    const summary = all.get(key);
    if (summary) models[name] = summary;
    kept[name] = points[key] ?? [];
  }
  const ratios: Record<string, number> = {};
  for (const ours of ['on-device', 'fine-tuned']) {
    const ndcg = models[ours]?.ndcg ?? 0;
    for (const [name, m] of Object.entries(models)) {
      if (name !== ours) ratios[`${ours}/${name}`] = m.ndcg > 0 ? ndcg / m.ndcg : Infinity;
    }
  }
  return {
    report: {
      k: settings.k,
      users,
      items: space.items.length,
      skippedUsers,
      models,
      ratios,
      itemKnn: { neighbours: knn.value, tried: knn.tried },
      ease: { lambda: ease.value, tried: ease.tried },
      global,
      replay,
      protocol: PROTOCOL,
    },
    curve: kept,
  };
}
