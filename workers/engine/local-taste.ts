import type { ItemEncoder } from '../../src/shared/encoder/encoder';
import { localWeights, type LocalSignal } from '../../src/shared/interactions/local-signals';
import { normalize, similarities, type ItemMatrix } from '../../src/shared/ranking/matrix';
import { minMax } from '../../src/shared/ranking/rank';
import { padVector } from '../../src/shared/collab/combine';
import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import { topCategory } from '../../src/shared/ranking/explain';

/** The most the picked interests and searches move the cold-start prior towards themselves. */
const MAX_SHARE = 0.6;

/**
 * The feed's shares for the categories the visitor picked by name (each pick's decayed weight
 * over all picks', times MAX_SHARE): floors of the feed while the history is little trusted
 * (rank.ts `stated`). Typed words that name no category lean the prior only.
 */
export function statedShares(
  signals: readonly LocalSignal[],
  now: number,
  categories: ReadonlySet<string>,
): Map<string, number> {
  const byName = new Map([...categories].map((c) => [c.toLocaleLowerCase(), c]));
  const picked = localWeights(
    signals.filter((s) => s.kind === 'picked'),
    now,
  ).flatMap(({ text, weight }) => {
    const category = byName.get(text.toLocaleLowerCase());
    return category ? [{ category, weight }] : [];
  });
  const total = picked.reduce((sum, p) => sum + p.weight, 0);
  const shares = new Map<string, number>();
  if (total <= 0) return shares;
  const strength = Math.min(1, total);
  for (const { category, weight } of picked) {
    shares.set(category, (MAX_SHARE * strength * weight) / total);
  }
  return shares;
}

/**
 * Leans the cold-start prior (popularity) towards what the visitor said in words: the picked
 * interests and typed searches, each encoded like a query, weighted by kind and age
 * (local-signals.ts), summed into one vector; the prior becomes a blend of popularity and the
 * items' similarity to it. The prior fades as the history grows (the personal share of the blend
 * rises), so words matter most on a first visit and little once the visitor has acted. One scan
 * of the item matrix, cached until the words, their weights or the matrix change.
 */
export class LocalTaste {
  private categories: { items: readonly CatalogueItem[]; names: Set<string> } | null = null;

  /** The feed's floors for the categories picked by name (statedShares), for this catalogue. */
  stated(
    signals: readonly LocalSignal[],
    now: number,
    items: readonly CatalogueItem[],
  ): Map<string, number> {
    if (!signals.some((s) => s.kind === 'picked')) return new Map();
    if (this.categories?.items !== items) {
      const names = new Set<string>();
      for (const item of items) {
        const category = topCategory(item);
        if (category) names.add(category);
      }
      this.categories = { items, names };
    }
    return statedShares(signals, now, this.categories.names);
  }

  private cached: {
    key: string;
    matrix: ItemMatrix;
    prior: Float32Array;
    out: Float32Array;
  } | null = null;

  async prior(
    signals: readonly LocalSignal[],
    now: number,
    encoder: Pick<ItemEncoder, 'encodeQuery'>,
    matrix: ItemMatrix,
    prior: Float32Array,
  ): Promise<Float32Array> {
    const weights = localWeights(signals, now).filter((w) => w.weight > 0.01);
    if (weights.length === 0) return prior;
    const key = weights.map((w) => `${w.text}\u0000${w.weight.toFixed(2)}`).join('\u0001');
    const hit = this.cached;
    if (hit && hit.key === key && hit.matrix === matrix && hit.prior === prior) return hit.out;
    const taste = new Float32Array(matrix.dims);
    for (const { text, weight } of weights) {
      const vector = padVector(await encoder.encodeQuery(text), matrix.dims);
      for (let d = 0; d < taste.length; d++) taste[d] = (taste[d] ?? 0) + weight * (vector[d] ?? 0);
    }
    normalize(taste);
    const closeness = minMax(similarities(matrix, taste));
    const share =
      MAX_SHARE *
      Math.min(
        1,
        weights.reduce((sum, w) => sum + w.weight, 0),
      );
    const out = new Float32Array(prior.length);
    for (let i = 0; i < out.length; i++) {
      out[i] = (1 - share) * (prior[i] ?? 0) + share * (closeness[i] ?? 0);
    }
    this.cached = { key, matrix, prior, out };
    return out;
  }
}
