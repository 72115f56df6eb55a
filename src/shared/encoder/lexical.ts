import type { CatalogueItem } from '../catalogue/schema';
import { fnv1a } from '../hash';
import { compactRows, normalize, type ItemMatrix } from '../ranking/matrix';
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
  /** Each feature the catalogue has, numbered; its idf, hashed slot and sign by number. */
  private readonly ids = new Map<string, number>();
  private readonly idf: Float32Array;
  private readonly slot: Int32Array;
  private readonly unseenIdf: number;
  /**
   * The corpus's features as numbers (item i's are `featureIds[offsets[i] .. offsets[i + 1])`),
   * kept from counting them until the corpus itself is encoded, so its text is read only once.
   */
  private corpusFeatures: {
    items: readonly CatalogueItem[];
    offsets: Int32Array;
    featureIds: Int32Array;
    tfs: Float32Array;
  } | null;

  /** Learns document frequencies from the catalogue the vectors will rank. */
  constructor(corpus: readonly CatalogueItem[]) {
    const df: number[] = [];
    const offsets = new Int32Array(corpus.length + 1);
    let featureIds = new Int32Array(corpus.length * 16 + 16);
    let tfs = new Float32Array(featureIds.length);
    let stored = 0;
    corpus.forEach((item, i) => {
      offsets[i] = stored;
      const features = itemFeatures(item);
      if (stored + features.size > featureIds.length) {
        const size = (stored + features.size) * 2;
        featureIds = grown(featureIds, new Int32Array(size));
        tfs = grown(tfs, new Float32Array(size));
      }
      for (const [feature, tf] of features) {
        let id = this.ids.get(feature);
        if (id === undefined) {
          id = this.ids.size;
          this.ids.set(feature, id);
          df.push(0);
        }
        df[id] = (df[id] ?? 0) + 1;
        featureIds[stored] = id;
        tfs[stored] = tf;
        stored += 1;
      }
    });
    offsets[corpus.length] = stored;
    const n = corpus.length;
    this.idf = Float32Array.from(df, (count) => Math.log((n + 1) / (count + 1)) + 1);
    this.slot = new Int32Array(df.length);
    for (const [feature, id] of this.ids) this.slot[id] = signedSlot(feature);
    this.unseenIdf = Math.log(n + 1) + 1;
    this.corpusFeatures = { items: corpus, offsets, featureIds, tfs };
  }

  /** The items' vectors in compact (int8) form, quantised row by row as they are made. */
  encodeItems(items: readonly CatalogueItem[]): Promise<ItemMatrix> {
    const cached = this.corpusFeatures?.items === items ? this.corpusFeatures : null;
    // Encoded once: the numbers are not needed again (a large catalogue's are tens of MB).
    this.corpusFeatures = null;
    // Rows are made unit length by compactRows (in the pass that finds their non-zeros).
    const matrix = compactRows(
      items.length,
      LEXICAL_DIMS,
      (i, out) => {
        if (cached) {
          const end = cached.offsets[i + 1] ?? 0;
          for (let k = cached.offsets[i] ?? end; k < end; k++) {
            const id = cached.featureIds[k] ?? 0;
            this.place(out, this.slot[id] ?? 0, cached.tfs[k] ?? 1, this.idf[id] ?? 0);
          }
          return;
        }
        const item = items[i];
        if (item) this.project(itemFeatures(item), out);
      },
      true,
    );
    return Promise.resolve(matrix);
  }

  encodeQuery(text: string): Promise<Float32Array> {
    const features: Features = new Map();
    // A query word may name a category or a tag as well as appear in a title.
    for (const token of tokenize(text)) {
      for (const key of [`w:${token}`, `c:${token}`, `t:${token}`]) add(features, key, 1);
    }
    const out = new Float32Array(LEXICAL_DIMS);
    // Only features the catalogue knows can match anything; the rest would only add noise.
    for (const key of features.keys()) if (!this.ids.has(key)) features.delete(key);
    return Promise.resolve(this.project(features, out));
  }

  private project(features: Features, out: Float32Array): Float32Array {
    for (const [feature, tf] of features) {
      const id = this.ids.get(feature);
      const idf = id === undefined ? this.unseenIdf : (this.idf[id] ?? this.unseenIdf);
      this.place(out, signedSlot(feature), tf, idf);
    }
    return normalize(out);
  }

  /** Adds one feature's weight at its slot (slot + 1, negated when the hash's sign bit is set). */
  private place(out: Float32Array, signed: number, tf: number, idf: number): void {
    const slot = Math.abs(signed) - 1;
    out[slot] = (out[slot] ?? 0) + Math.sign(signed) * (1 + Math.log(tf)) * idf;
  }
}

/**
 * Where a feature lands, as slot + 1, negative when the hash's sign bit is set: the sign spreads
 * collisions around zero instead of piling them up.
 */
function signedSlot(feature: string): number {
  const hash = fnv1a(feature, FEATURE_SEED);
  const slot = (hash % LEXICAL_DIMS) + 1;
  return hash & 0x80000000 ? -slot : slot;
}

function grown<T extends Int32Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
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
