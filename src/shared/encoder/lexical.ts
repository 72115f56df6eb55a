import type { CatalogueItem } from '../catalogue/schema';
import { compactRows, normalize, type ItemMatrix } from '../ranking/matrix';
import type { ItemEncoder } from './encoder';
import { FeatureTable } from './feature-table';
import { tokenize } from './tokenize';

export const LEXICAL_DIMS = 1024;

/** How much a term counts by the field it came from: titles and categories say most. */
const FIELD_WEIGHTS = { title: 2, category: 1.5, tags: 1.5, description: 1 } as const;
const FEATURE_SEED = 0x9e3779b9;

type Features = Map<string, number>;
/** Receives an item's features in order: `head + tail` names one ("w:" + a word), with a weight. */
type Visit = (head: string, tail: string, weight: number) => void;

/**
 * The built-in lexical encoder: hashed TF-IDF over title, category, tags and description, with
 * the category path as features of its own. It needs no download, so it always works.
 */
export class LexicalEncoder implements ItemEncoder {
  readonly info = { id: 'lexical', kind: 'lexical', dims: LEXICAL_DIMS } as const;
  /** Each feature the catalogue has, numbered (flat arrays: a million of them is no burden). */
  private readonly features = new FeatureTable(FEATURE_SEED);
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
    const counts = new CorpusCounts(corpus.length);
    const visit: Visit = (head, tail, weight) => {
      counts.add(this.features.add(head, tail), weight);
    };
    corpus.forEach((item) => {
      visitFeatures(item, visit);
      counts.endItem();
    });
    const n = corpus.length;
    const df = counts.df.subarray(0, this.features.size);
    this.idf = Float32Array.from(df, (count) => Math.log((n + 1) / (count + 1)) + 1);
    this.slot = Int32Array.from(df, (_, id) => signedSlot(this.features.hashAt(id)));
    this.unseenIdf = Math.log(n + 1) + 1;
    this.corpusFeatures = { items: corpus, ...counts.done() };
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
    for (const key of features.keys()) if (this.features.find('', key) === -1) features.delete(key);
    return Promise.resolve(this.project(features, out));
  }

  private project(features: Features, out: Float32Array): Float32Array {
    for (const [feature, tf] of features) {
      const hash = this.features.hashOf('', feature);
      const id = this.features.find('', feature, hash);
      const idf = id === -1 ? this.unseenIdf : (this.idf[id] ?? this.unseenIdf);
      this.place(out, signedSlot(hash), tf, idf);
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
 * Where a feature (by its FNV-1a hash) lands, as slot + 1, negative when the hash's sign bit is
 * set: the sign spreads collisions around zero instead of piling them up.
 */
function signedSlot(hash: number): number {
  const slot = (hash % LEXICAL_DIMS) + 1;
  return hash & 0x80000000 ? -slot : slot;
}

/**
 * The corpus's features per item, as numbers, and document frequencies, counted as the items
 * are read: a feature met twice in one item adds to its weight there (kept in first-met order).
 */
class CorpusCounts {
  df = new Int32Array(1024);
  private offsets: Int32Array;
  private featureIds: Int32Array;
  private tfs: Float32Array;
  /** Per feature: 1 + where it sits among the current item's features (when lastItem says so). */
  private at = new Int32Array(1024);
  private lastItem = new Int32Array(1024);
  /** The current item's weights, summed in double precision as a Map of numbers did. */
  private weights = new Float64Array(64);
  private item = 0;
  private stored = 0;

  constructor(items: number) {
    this.offsets = new Int32Array(items + 1);
    this.featureIds = new Int32Array(items * 16 + 16);
    this.tfs = new Float32Array(this.featureIds.length);
  }

  add(id: number, weight: number): void {
    if (id >= this.df.length) {
      const size = this.df.length * 2;
      this.df = grown(this.df, new Int32Array(size));
      this.at = grown(this.at, new Int32Array(size));
      this.lastItem = grown(this.lastItem, new Int32Array(size));
    }
    const start = this.offsets[this.item] ?? 0;
    if (this.lastItem[id] === this.item + 1) {
      const k = (this.at[id] ?? 1) - 1;
      this.weights[k] = (this.weights[k] ?? 0) + weight;
      return;
    }
    const k = this.stored - start;
    if (k >= this.weights.length) this.weights = grown(this.weights, new Float64Array(k * 2));
    if (this.stored >= this.featureIds.length) {
      const size = this.featureIds.length * 2;
      this.featureIds = grown(this.featureIds, new Int32Array(size));
      this.tfs = grown(this.tfs, new Float32Array(size));
    }
    this.lastItem[id] = this.item + 1;
    this.at[id] = k + 1;
    this.weights[k] = weight;
    this.featureIds[this.stored] = id;
    this.df[id] = (this.df[id] ?? 0) + 1;
    this.stored += 1;
  }

  endItem(): void {
    const start = this.offsets[this.item] ?? 0;
    for (let k = start; k < this.stored; k++) this.tfs[k] = this.weights[k - start] ?? 0;
    this.item += 1;
    this.offsets[this.item] = this.stored;
  }

  done(): { offsets: Int32Array; featureIds: Int32Array; tfs: Float32Array } {
    return { offsets: this.offsets, featureIds: this.featureIds, tfs: this.tfs };
  }
}

function grown<T extends Int32Array | Float32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Term frequencies of an item, weighted by field; category and tag terms are features too. */
function itemFeatures(item: CatalogueItem): Features {
  const features: Features = new Map();
  visitFeatures(item, (head, tail, weight) => {
    add(features, head + tail, weight);
  });
  return features;
}

/** An item's features in a fixed order: title and description words, tags, category. */
function visitFeatures(item: CatalogueItem, visit: Visit): void {
  for (const token of tokenize(item.title)) visit('w:', token, FIELD_WEIGHTS.title);
  for (const token of tokenize(item.description ?? '')) {
    visit('w:', token, FIELD_WEIGHTS.description);
  }
  for (const tag of item.tags ?? []) {
    for (const token of tokenize(tag)) visit('t:', token, FIELD_WEIGHTS.tags);
  }
  const path = (item.category ?? '').split('>').map((part) => part.trim().toLowerCase());
  path.forEach((_, depth) => {
    if (path[0]) visit('p:', path.slice(0, depth + 1).join('>'), FIELD_WEIGHTS.category);
  });
  for (const token of tokenize(item.category ?? '')) {
    visit('c:', token, FIELD_WEIGHTS.category);
  }
}

function add(features: Features, key: string, amount: number): void {
  features.set(key, (features.get(key) ?? 0) + amount);
}
