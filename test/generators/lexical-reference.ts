/**
 * The lexical encoder as it was written before its feature table (one Map entry per feature
 * string): the reference its faster successor must match value for value.
 */
import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import { LEXICAL_DIMS } from '../../src/shared/encoder/lexical';
import { tokenize } from '../../src/shared/encoder/tokenize';
import { fnv1a } from '../../src/shared/hash';
import { compactRows, normalize, type ItemMatrix } from '../../src/shared/ranking/matrix';
import { seededRandom } from '../../src/shared/random';

const FIELD_WEIGHTS = { title: 2, category: 1.5, tags: 1.5, description: 1 } as const;
const FEATURE_SEED = 0x9e3779b9;
type Features = Map<string, number>;

/** Vectors of `items` and of `queries` as the Map-based encoder computed them. */
export function referenceLexical(
  corpus: readonly CatalogueItem[],
  queries: readonly string[],
): { matrix: ItemMatrix; queries: Float32Array[] } {
  const df = new Map<string, number>();
  for (const item of corpus) {
    for (const feature of itemFeatures(item).keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
  }
  const n = corpus.length;
  const idfOf = (feature: string): number => {
    const count = df.get(feature);
    const idf = count === undefined ? Math.log(n + 1) + 1 : Math.log((n + 1) / (count + 1)) + 1;
    return Math.fround(idf);
  };
  const project = (features: Features, out: Float32Array) => {
    for (const [feature, tf] of features) {
      const hash = fnv1a(feature, FEATURE_SEED);
      const slot = hash % LEXICAL_DIMS;
      const sign = hash & 0x80000000 ? -1 : 1;
      out[slot] = (out[slot] ?? 0) + sign * (1 + Math.log(Math.fround(tf))) * idfOf(feature);
    }
  };
  const matrix = compactRows(
    corpus.length,
    LEXICAL_DIMS,
    (i, out) => {
      const item = corpus[i];
      if (item) project(itemFeatures(item), out);
    },
    true,
  );
  const vectors = queries.map((text) => {
    const features: Features = new Map();
    for (const token of tokenize(text)) {
      for (const key of [`w:${token}`, `c:${token}`, `t:${token}`]) add(features, key, 1);
    }
    for (const key of features.keys()) if (!df.has(key)) features.delete(key);
    const out = new Float32Array(LEXICAL_DIMS);
    project(features, out);
    return normalize(out);
  });
  return { matrix, queries: vectors };
}

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

const WORDS = [
  'coffee',
  'grinder',
  'Crème',
  'brûlée',
  'mugs',
  'berries',
  'tent',
  'Tents',
  'the',
  'and',
  '降噪耳机',
  '静音的咖啡机',
  'Bose',
  'ÉTÉ',
  'naïve',
  'café',
  'cafe\u0301',
  'x',
  '42',
  'USB-C',
  'camping',
  'trail',
  'kettle',
  'enamel',
  'books',
  'garden',
  'Kitchen',
  'ｆｕｌｌｗｉｄｔｈ',
];
const CATEGORIES = [
  'Kitchen > Coffee',
  'Kitchen > Kettles',
  'Outdoor > Tents',
  '家居 > 厨房',
  '',
  'Books',
];

/** A varied catalogue: accents, Chinese, repeated words, tags, paths, empty fields. */
export function variedItems(count: number, seed = 7): CatalogueItem[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `v-${i}`,
    title:
      `${words(1 + Math.floor(random() * 4))} ${i % 7 === 0 ? `model ${i}` : ''}`.trim() || 'item',
    ...(random() < 0.6 ? { description: words(Math.floor(random() * 12)) } : {}),
    ...(random() < 0.5 ? { tags: [words(1), words(2)] } : {}),
    ...(random() < 0.8 ? { category: pick(CATEGORIES) } : {}),
  }));
}
