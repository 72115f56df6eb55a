import { dot, row, type ItemMatrix } from '../ranking/matrix';

/** Accuracy of one ranked list (top K) against the held-out relevant items. */
export interface ListMetrics {
  hr: number;
  ndcg: number;
  mrr: number;
}

/**
 * HR@K (any relevant item in the list), NDCG@K with binary relevance (DCG over the ideal DCG
 * of min(K, |relevant|) hits) and MRR@K (reciprocal rank of the first hit, 0 without one).
 */
export function listMetrics(ranked: readonly number[], relevant: ReadonlySet<number>, k: number) {
  const list = ranked.slice(0, k);
  let dcg = 0;
  let first = 0;
  list.forEach((item, i) => {
    if (!relevant.has(item)) return;
    dcg += 1 / Math.log2(i + 2);
    if (first === 0) first = i + 1;
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return {
    hr: first > 0 ? 1 : 0,
    ndcg: ideal > 0 ? dcg / ideal : 0,
    mrr: first > 0 ? 1 / first : 0,
  } satisfies ListMetrics;
}

/** Mean pairwise dissimilarity (1 − cosine) of a list's items: 0 for clones, ~1 for unrelated. */
export function intraListDiversity(list: readonly number[], matrix: ItemMatrix): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < list.length; a++) {
    for (let b = a + 1; b < list.length; b++) {
      sum += 1 - dot(row(matrix, list[a] ?? 0), row(matrix, list[b] ?? 0));
      pairs += 1;
    }
  }
  return pairs > 0 ? sum / pairs : 0;
}

/** Running means of a model's metrics over users, plus the items its lists ever showed. */
export class MetricTotals {
  private users = 0;
  private readonly sums = { hr: 0, ndcg: 0, mrr: 0, diversity: 0 };
  private readonly shown = new Set<number>();

  add(list: readonly number[], metrics: ListMetrics, diversity: number): void {
    this.users += 1;
    this.sums.hr += metrics.hr;
    this.sums.ndcg += metrics.ndcg;
    this.sums.mrr += metrics.mrr;
    this.sums.diversity += diversity;
    for (const item of list) this.shown.add(item);
  }

  /** Means over users; coverage is the share of the catalogue shown to anyone. */
  summary(catalogueSize: number) {
    const n = Math.max(1, this.users);
    return {
      hr: this.sums.hr / n,
      ndcg: this.sums.ndcg / n,
      mrr: this.sums.mrr / n,
      coverage: catalogueSize > 0 ? this.shown.size / catalogueSize : 0,
      diversity: this.sums.diversity / n,
    };
  }
}
