import type { CatalogueItem } from '../catalogue/schema';
import { fnv1a } from '../hash';
import { normalize, type ItemMatrix } from '../ranking/matrix';
import type { ItemEncoder } from './encoder';
import { tokenize } from './tokenize';

export const LEXICAL_DIMS = 1024;

/** How much a term counts by the field it came from: titles and categories say most. */
const FIELD_WEIGHTS = { title: 2, category: 1.5, tags: 1.5, description: 1 } as const;
const FEATURE_SEED = 0x9e3779b9;

type Features = Map<string, number>;

/**
 * The built-in lexical encoder: hashed TF-IDF over title, category, tags and description, with
 * the category path as features of its own. It needs no download, so it always works.
 */
export class LexicalEncoder implements ItemEncoder {
  readonly info = { id: 'lexical', kind: 'lexical', dims: LEXICAL_DIMS } as const;
  private readonly idf = new Map<string, number>();
  private readonly unseenIdf: number;

  /** Learns document frequencies from the catalogue the vectors will rank. */
  constructor(corpus: readonly CatalogueItem[]) {
    const df = new Map<string, number>();
    for (const item of corpus) {
      for (const feature of itemFeatures(item).keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
    }
    const n = corpus.length;
    for (const [feature, count] of df) this.idf.set(feature, Math.log((n + 1) / (count + 1)) + 1);
    this.unseenIdf = Math.log(n + 1) + 1;
  }

  encodeItems(items: readonly CatalogueItem[]): Promise<ItemMatrix> {
    const data = new Float32Array(items.length * LEXICAL_DIMS);
    items.forEach((item, i) => {
      this.project(itemFeatures(item), data.subarray(i * LEXICAL_DIMS, (i + 1) * LEXICAL_DIMS));
    });
    return Promise.resolve({ rows: items.length, dims: LEXICAL_DIMS, data });
  }

  encodeQuery(text: string): Promise<Float32Array> {
    const features: Features = new Map();
    // A query word may name a category or a tag as well as appear in a title.
    for (const token of tokenize(text)) {
      for (const key of [`w:${token}`, `c:${token}`, `t:${token}`]) add(features, key, 1);
    }
    const out = new Float32Array(LEXICAL_DIMS);
    // Only features the catalogue knows can match anything; the rest would only add noise.
    for (const key of features.keys()) if (!this.idf.has(key)) features.delete(key);
    return Promise.resolve(this.project(features, out));
  }

  private project(features: Features, out: Float32Array): Float32Array {
    for (const [feature, tf] of features) {
      const weight = (1 + Math.log(tf)) * (this.idf.get(feature) ?? this.unseenIdf);
      const hash = fnv1a(feature, FEATURE_SEED);
      // The sign bit spreads collisions around zero instead of piling them up.
      const sign = hash & 0x80000000 ? -1 : 1;
      const slot = hash % LEXICAL_DIMS;
      out[slot] = (out[slot] ?? 0) + sign * weight;
    }
    return normalize(out);
  }
}

/** Term frequencies of an item, weighted by field; category and tag terms are features too. */
function itemFeatures(item: CatalogueItem): Features {
  const features: Features = new Map();
  for (const token of tokenize(item.title)) add(features, `w:${token}`, FIELD_WEIGHTS.title);
  for (const token of tokenize(item.description ?? '')) {
    add(features, `w:${token}`, FIELD_WEIGHTS.description);
  }
  for (const tag of item.tags ?? []) {
    for (const token of tokenize(tag)) add(features, `t:${token}`, FIELD_WEIGHTS.tags);
  }
  const path = (item.category ?? '').split('>').map((part) => part.trim().toLowerCase());
  path.forEach((_, depth) => {
    if (path[0]) add(features, `p:${path.slice(0, depth + 1).join('>')}`, FIELD_WEIGHTS.category);
  });
  for (const token of tokenize(item.category ?? '')) {
    add(features, `c:${token}`, FIELD_WEIGHTS.category);
  }
  return features;
}

function add(features: Features, key: string, amount: number): void {
  features.set(key, (features.get(key) ?? 0) + amount);
}
