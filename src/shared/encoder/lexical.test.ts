import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../catalogue/schema';
import { dot, row } from '../ranking/matrix';
import { LexicalEncoder, LEXICAL_DIMS } from './lexical';
import { tokenize } from './tokenize';
import { referenceLexical, variedItems } from '../../../test/generators/lexical-reference';

const items: CatalogueItem[] = [
  {
    id: 'g1',
    title: 'Conical burr coffee grinder',
    category: 'Kitchen > Coffee',
    tags: ['espresso'],
  },
  {
    id: 'g2',
    title: 'Hand coffee grinder',
    category: 'Kitchen > Coffee',
    tags: ['travel', 'burr'],
  },
  { id: 't1', title: 'Two-person dome tent', category: 'Outdoor > Tents', tags: ['camping'] },
  { id: 't2', title: 'Ultralight trekking tent', category: 'Outdoor > Tents', tags: ['hiking'] },
];

describe('tokenize', () => {
  it('lower-cases, strips accents, stopwords and plurals', () => {
    expect(tokenize('The Crème BRÛLÉE mugs and berries')).toEqual([
      'creme',
      'brulee',
      'mug',
      'berry',
    ]);
  });
});

describe('LexicalEncoder', () => {
  const encoder = new LexicalEncoder(items);

  it('produces one unit-length row per item (int8 codes: within 1 %)', async () => {
    const matrix = await encoder.encodeItems(items);
    expect(matrix.rows).toBe(4);
    expect(matrix.dims).toBe(LEXICAL_DIMS);
    for (let i = 0; i < 4; i++) expect(dot(row(matrix, i), row(matrix, i))).toBeCloseTo(1, 2);
  });

  it('places items of a category closer to each other than to other categories', async () => {
    const m = await encoder.encodeItems(items);
    const sim = (a: number, b: number) => dot(row(m, a), row(m, b));
    expect(sim(0, 1)).toBeGreaterThan(sim(0, 2) + 0.2);
    expect(sim(2, 3)).toBeGreaterThan(sim(1, 3) + 0.2);
  });

  it('is deterministic across instances', async () => {
    const a = await encoder.encodeItems(items);
    const b = await new LexicalEncoder(items).encodeItems(items);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });

  it('encodes the corpus from its counted features exactly as from its text', async () => {
    const fresh = new LexicalEncoder(items);
    const fromCounts = await fresh.encodeItems(items);
    // The counted features are used once; a second call reads the text again.
    const fromText = await fresh.encodeItems(items);
    const copy = await fresh.encodeItems(items.map((item) => ({ ...item })));
    expect(Array.from(fromText.data)).toEqual(Array.from(fromCounts.data));
    expect(Array.from(copy.data)).toEqual(Array.from(fromCounts.data));
    expect(Array.from(copy.scales ?? [])).toEqual(Array.from(fromCounts.scales ?? []));
  });

  it('encodes a query into the same space, matching the right items', async () => {
    const m = await encoder.encodeItems(items);
    const q = await encoder.encodeQuery('camping tents');
    const scores = [0, 1, 2, 3].map((i) => dot(row(m, i), q));
    expect(Math.max(scores[2] ?? 0, scores[3] ?? 0)).toBeGreaterThan(
      Math.max(scores[0] ?? 0, scores[1] ?? 0),
    );
  });

  it('returns a zero vector for words the catalogue does not know', async () => {
    const q = await encoder.encodeQuery('zzzqx');
    expect(dot(q, q)).toBe(0);
  });
});

describe('LexicalEncoder against the Map-based reference', () => {
  const corpus = variedItems(600);
  const queries = ['coffee grinder', 'crème brûlée', '降噪耳机', 'USB-C tent', 'zzzqx', 'model 42'];
  const reference = referenceLexical(corpus, queries);

  it('encodes a varied corpus to the same codes, columns and scales', async () => {
    const matrix = await new LexicalEncoder(corpus).encodeItems(corpus);
    expect(Array.from(matrix.data)).toEqual(Array.from(reference.matrix.data));
    expect(Array.from(matrix.cols ?? [])).toEqual(Array.from(reference.matrix.cols ?? []));
    expect(Array.from(matrix.rowStart ?? [])).toEqual(Array.from(reference.matrix.rowStart ?? []));
    expect(Array.from(matrix.scales ?? [])).toEqual(Array.from(reference.matrix.scales ?? []));
  });

  it('encodes queries to the same vectors', async () => {
    const encoder = new LexicalEncoder(corpus);
    for (const [k, text] of queries.entries()) {
      const vector = await encoder.encodeQuery(text);
      expect(Array.from(vector)).toEqual(Array.from(reference.queries[k] ?? []));
    }
  });
});
