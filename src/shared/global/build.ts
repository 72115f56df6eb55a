import type { LogEvent } from '../eval/log';
import { eventWeight } from '../interactions/signals';
import { easeTopK } from './ease-topk';
import { quantizeRows } from './packed-rows';
import { globalScores, type Recency, type SparseRows } from './sparse-rows';

/** Entries kept per row of B (the shipped file is about 2.5 bytes × k per item). */
export const DEFAULT_TOP_K = 50;
/**
 * Largest side of the dense inverse EASE needs: min(users, items used). Above it the model
 * covers only the most used items (the inverse costs side³ and side² memory).
 */
export const MAX_DENSE = 2_500;
/** λ tried on the held-out part of the log, a half decade apart (no per-dataset value). */
export const LAMBDA_GRID = [1, 3, 10, 30, 100, 300, 1000, 3000, 10_000] as const;
/**
 * Recency settings tried on the held-out part of the log once λ is chosen (sparse-rows.ts):
 * weight 0 is EASE's plain sum; the others weigh the last few likes up, tau in likes.
 */
export const RECENCY_TAUS = [1, 2, 4, 8, 16] as const;
export const RECENCY_WEIGHTS = [2, 4, 8, 16] as const;
const PLAIN: Recency = { tau: 1, weight: 0 };
/**
 * How many standard errors a setting's paired per-user gain over the plain choice must reach
 * to be kept (as the device keeps a trained head: workers/engine/head/trainer.ts `acceptZ`).
 */
export const ACCEPT_Z = 2;
/** Users whose held-out items choose λ (spread over the log): bounds the cost of the choice. */
const VALIDATION_USERS = 1_000;

export interface GlobalModelStats {
  lambda: number;
  /** Validation NDCG@10 per λ tried (stops two steps past the best). */
  tried: Record<string, number>;
  /** How recent likes are weighed up (weight 0: not at all), chosen after λ. */
  recency: Recency;
  /** Validation NDCG@10 per recency setting tried (`tau/weight`). */
  recencyTried: Record<string, number>;
  users: number;
  /** Rows the regression covers (all used items unless capped). */
  modelItems: number;
  capped: boolean;
  entries: number;
}

/**
 * The shop's global model from its aggregate log: EASE's top-k rows over the distinct items each
 * user engaged with positively. λ is chosen by validation: per user the last 20 % of those items
 * (in time) are held out, each λ's sparse model ranks the rest of the catalogue, and the best
 * NDCG@10 wins; then, with that λ, how much the most recent likes count (`Recency`) is chosen on
 * the same held-out items; the model is then fitted on all of the log.
 */
export function buildGlobalModel(
  itemIds: readonly string[],
  events: readonly LogEvent[],
  k = DEFAULT_TOP_K,
): { model: SparseRows; stats: GlobalModelStats } {
  const users = userLists(itemIds, events);
  const items = itemIds.length;
  const modelItems = coveredItems(items, users);
  const capped = modelItems.length < new Set(users.flat()).size;
  const { lambda, tried, recency, recencyTried } = chooseLambda(items, users, k, modelItems);
  const model = { ...storedTopK(items, users, lambda, k, modelItems), recency };
  return {
    model,
    stats: {
      lambda,
      tried,
      recency,
      recencyTried,
      users: users.length,
      modelItems: modelItems.length,
      capped,
      entries: model.cols.length,
    },
  };
}

/**
 * The sparse model of a log with settings already chosen (λ, recency, the covered rows of a
 * full build): what the start-weight validation fits on its own training part.
 */
export function fitGlobalModel(
  itemIds: readonly string[],
  events: readonly LogEvent[],
  settings: { lambda: number; recency: Recency; k?: number },
): SparseRows {
  const users = userLists(itemIds, events);
  const modelItems = coveredItems(itemIds.length, users);
  const k = settings.k ?? DEFAULT_TOP_K;
  const model = storedTopK(itemIds.length, users, settings.lambda, k, modelItems);
  return { ...model, recency: settings.recency };
}

/**
 * Per user, the distinct catalogue rows they engaged with positively, first use first: the
 * held-out part is then what they came to last, as new items (the evaluation's relevant items
 * are new items too), and the recency of the rest is by first use.
 */
export function userLists(itemIds: readonly string[], events: readonly LogEvent[]): number[][] {
  const indexOf = new Map(itemIds.map((id, i) => [id, i]));
  const byUser = new Map<string, { ts: number; item: number }[]>();
  for (const e of events) {
    const item = indexOf.get(e.item);
    if (item === undefined || e.type === 'impression') continue;
    const weight = eventWeight({ type: e.type, itemId: e.item, ts: e.ts, value: e.value });
    if (weight <= 0) continue;
    const list = byUser.get(e.user) ?? [];
    list.push({ ts: e.ts, item });
    byUser.set(e.user, list);
  }
  return [...byUser.values()].map((list) => {
    const ordered = [...list].sort((a, b) => a.ts - b.ts).map((e) => e.item);
    return [...new Set(ordered)];
  });
}

/** The rows the regression covers: every used item, or the MAX_DENSE most used ones. */
function coveredItems(items: number, users: readonly number[][]): number[] {
  const count = new Float64Array(items);
  for (const list of users) for (const i of list) count[i] = (count[i] ?? 0) + 1;
  const used = [...count.keys()].filter((i) => (count[i] ?? 0) > 0);
  if (Math.min(users.length, used.length) <= MAX_DENSE) return used;
  return used.sort((a, b) => (count[b] ?? 0) - (count[a] ?? 0) || a - b).slice(0, MAX_DENSE);
}

/**
 * The λ of LAMBDA_GRID whose model best ranks each user's held-out later items, then the recency
 * setting that ranks them best with that λ (a tie keeps the plain sum).
 */
export function chooseLambda(
  items: number,
  users: readonly number[][],
  k: number,
  modelItems?: readonly number[],
): Pick<GlobalModelStats, 'lambda' | 'tried' | 'recency' | 'recencyTried'> {
  const fit = users.map((list) => list.slice(0, list.length - heldCount(list.length)));
  const step = Math.max(1, Math.ceil(users.length / VALIDATION_USERS));
  const checks = users.flatMap((list, u) => {
    const held = heldCount(list.length);
    return u % step === 0 && held > 0 ? [{ fit: fit[u] ?? [], held: list.slice(-held) }] : [];
  });
  const tried: Record<string, number> = {};
  let best: { lambda: number; ndcg: number; model: SparseRows | null } = {
    lambda: LAMBDA_GRID[0],
    ndcg: -1,
    model: null,
  };
  let worse = 0;
  for (const lambda of LAMBDA_GRID) {
    const model = storedTopK(items, fit, lambda, k, modelItems);
    const ndcg = meanNdcg(model, checks, 10);
    tried[String(lambda)] = Number(ndcg.toFixed(5));
    if (ndcg > best.ndcg) {
      best = { lambda, ndcg, model };
      worse = 0;
    } else if (++worse >= 2) break;
  }
  let recency: Recency = PLAIN;
  const recencyTried: Record<string, number> = { '1/0': tried[String(best.lambda)] ?? 0 };
  const fitted = best.model;
  if (fitted) {
    const plain = userNdcgs(fitted, checks, 10);
    let chosen = { mean: mean(plain), ndcgs: plain };
    for (const tau of RECENCY_TAUS) {
      for (const weight of RECENCY_WEIGHTS) {
        const ndcgs = userNdcgs({ ...fitted, recency: { tau, weight } }, checks, 10);
        const ndcg = mean(ndcgs);
        recencyTried[`${tau}/${weight}`] = Number(ndcg.toFixed(5));
        if (ndcg > chosen.mean) {
          chosen = { mean: ndcg, ndcgs };
          recency = { tau, weight };
        }
      }
    }
    // Kept only when it beats the plain sum beyond noise (a small log picks a winner by chance).
    if (pairedZ(chosen.ndcgs, plain) < ACCEPT_Z) recency = PLAIN;
  }
  return { lambda: best.lambda, tried, recency, recencyTried };
}

/**
 * EASE's top-k rows as the model file stores them (each value on its row's int8 grid): every
 * choice made here, and the shop's starting head, see what the device will read.
 */
function storedTopK(...args: Parameters<typeof easeTopK>): SparseRows {
  return quantizeRows(easeTopK(...args));
}

/** Held-out items of a user with `n`: the last 20 % (at least one) once they have two. */
function heldCount(n: number): number {
  return n < 2 ? 0 : Math.max(1, Math.round(n * 0.2));
}

function meanNdcg(
  model: SparseRows,
  checks: readonly { fit: readonly number[]; held: readonly number[] }[],
  cutoff: number,
): number {
  return mean(userNdcgs(model, checks, cutoff));
}

/** NDCG@cutoff of each check's held-out items under the model's global scores. */
function userNdcgs(
  model: SparseRows,
  checks: readonly { fit: readonly number[]; held: readonly number[] }[],
  cutoff: number,
): Float64Array {
  return Float64Array.from(checks, ({ fit, held }) => {
    const scores = globalScores(model, [...fit].reverse());
    const ranked = topScored(scores, cutoff, new Set(fit));
    const relevant = new Set(held);
    let dcg = 0;
    ranked.forEach((item, r) => {
      if (relevant.has(item)) dcg += 1 / Math.log2(r + 2);
    });
    let ideal = 0;
    for (let r = 0; r < Math.min(cutoff, relevant.size); r++) ideal += 1 / Math.log2(r + 2);
    return ideal > 0 ? dcg / ideal : 0;
  });
}

/** The mean of the values (0 of none). */
export const mean = (values: ArrayLike<number>): number => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0;
  return values.length > 0 ? total / values.length : 0;
};

/**
 * The paired gain of `a` over `b` (per-user values, same users) in standard errors of its mean:
 * 0 when there is no gain, Infinity when every user gains the same.
 */
export function pairedZ(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return 0;
  const diff = Float64Array.from({ length: n }, (_, i) => (a[i] ?? 0) - (b[i] ?? 0));
  const gain = mean(diff);
  if (!(gain > 0)) return 0;
  let square = 0;
  for (const d of diff) square += (d - gain) ** 2;
  const se = Math.sqrt(square / (n - 1) / n);
  return se > 0 ? gain / se : Infinity;
}

/** The `cutoff` rows of highest positive score outside `own`, best first (ties: lower row). */
function topScored(scores: Float32Array, cutoff: number, own: ReadonlySet<number>): number[] {
  const top: number[] = [];
  let floor = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] ?? 0;
    if (!(score > 0) || score < floor || own.has(i)) continue;
    top.push(i);
    if (top.length > 4 * cutoff) {
      top.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
      top.length = cutoff;
      floor = scores[top[cutoff - 1] ?? 0] ?? 0;
    }
  }
  return top.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b).slice(0, cutoff);
}
