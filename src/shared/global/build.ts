import type { LogEvent } from '../eval/log';
import { eventWeight } from '../interactions/signals';
import { easeTopK } from './ease-topk';
import { globalScores, type SparseRows } from './sparse-rows';

/** Entries kept per row of B (the shipped file is about 8 bytes × k per item). */
export const DEFAULT_TOP_K = 50;
/**
 * Largest side of the dense inverse EASE needs: min(users, items used). Above it the model
 * covers only the most used items (the inverse costs side³ and side² memory).
 */
export const MAX_DENSE = 2_500;
/** λ tried on the held-out part of the log, a half decade apart (no per-dataset value). */
export const LAMBDA_GRID = [1, 3, 10, 30, 100, 300, 1000, 3000, 10_000] as const;
/** Users whose held-out items choose λ (spread over the log): bounds the cost of the choice. */
const VALIDATION_USERS = 1_000;

export interface GlobalModelStats {
  lambda: number;
  /** Validation NDCG@10 per λ tried (stops two steps past the best). */
  tried: Record<string, number>;
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
 * NDCG@10 wins; the model is then fitted on all of the log.
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
  const { lambda, tried } = chooseLambda(items, users, k, modelItems);
  const model = easeTopK(items, users, lambda, k, modelItems);
  return {
    model,
    stats: {
      lambda,
      tried,
      users: users.length,
      modelItems: modelItems.length,
      capped,
      entries: model.cols.length,
    },
  };
}

/** Per user, the distinct catalogue rows they engaged with positively, first use first. */
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

/** The λ of LAMBDA_GRID whose model best ranks each user's held-out later items. */
export function chooseLambda(
  items: number,
  users: readonly number[][],
  k: number,
  modelItems?: readonly number[],
): { lambda: number; tried: Record<string, number> } {
  const fit = users.map((list) => list.slice(0, list.length - heldCount(list.length)));
  const step = Math.max(1, Math.ceil(users.length / VALIDATION_USERS));
  const checks = users.flatMap((list, u) => {
    const held = heldCount(list.length);
    return u % step === 0 && held > 0 ? [{ fit: fit[u] ?? [], held: list.slice(-held) }] : [];
  });
  const tried: Record<string, number> = {};
  let best = { lambda: LAMBDA_GRID[0] as number, ndcg: -1 };
  let worse = 0;
  for (const lambda of LAMBDA_GRID) {
    const model = easeTopK(items, fit, lambda, k, modelItems);
    const ndcg = meanNdcg(model, checks, 10);
    tried[String(lambda)] = Number(ndcg.toFixed(5));
    if (ndcg > best.ndcg) {
      best = { lambda, ndcg };
      worse = 0;
    } else if (++worse >= 2) break;
  }
  return { lambda: best.lambda, tried };
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
  if (checks.length === 0) return 0;
  let total = 0;
  for (const { fit, held } of checks) {
    const scores = globalScores(model, fit);
    const own = new Set(fit);
    const ranked = [...scores.keys()]
      .filter((i) => !own.has(i) && (scores[i] ?? 0) > 0)
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .slice(0, cutoff);
    const relevant = new Set(held);
    let dcg = 0;
    ranked.forEach((item, r) => {
      if (relevant.has(item)) dcg += 1 / Math.log2(r + 2);
    });
    let ideal = 0;
    for (let r = 0; r < Math.min(cutoff, relevant.size); r++) ideal += 1 / Math.log2(r + 2);
    total += ideal > 0 ? dcg / ideal : 0;
  }
  return total / checks.length;
}
