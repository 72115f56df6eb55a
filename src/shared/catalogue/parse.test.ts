import { describe, expect, it } from 'vitest';
import { CatalogueError } from '../errors';
import { parseCatalogue } from './parse';

const good = {
  schema: 'private-recs/catalogue@1',
  id: 'shop',
  items: [
    { id: 'a', title: 'Hand grinder', category: 'Coffee > Grinders', tags: ['burr'], price: 49 },
    { id: 'b', title: 'Tent', extra: 'ignored' },
  ],
};

function failure(text: string): CatalogueError {
  try {
    parseCatalogue(text);
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('expected the catalogue to be rejected');
}

describe('parseCatalogue', () => {
  it('accepts the optional global model entry and names a bad field of it', () => {
    const model = {
      url: 'shop.head.bin',
      sha256: 'ab'.repeat(32),
      bytes: 1024,
      format: 'private-recs/head@1',
    };
    expect(parseCatalogue(JSON.stringify({ ...good, model })).model).toEqual(model);
    // A format this app does not know still parses: the device ignores the model then.
    const future = { ...model, format: 'private-recs/head@2' };
    expect(parseCatalogue(JSON.stringify({ ...good, model: future })).model?.format).toBe(
      'private-recs/head@2',
    );
    expect(
      failure(JSON.stringify({ ...good, model: { ...model, sha256: 'abc' } })).message,
    ).toMatch(/sha256.*64 hexadecimal digits/);
    expect(failure(JSON.stringify({ ...good, model: { ...model, bytes: -1 } })).message).toMatch(
      /bytes/,
    );
  });

  it('accepts a valid catalogue and drops unknown fields', () => {
    const catalogue = parseCatalogue(JSON.stringify(good));
    expect(catalogue.items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(catalogue.items[1]).not.toHaveProperty('extra');
  });

  it('explains invalid JSON and a truncated body', () => {
    const error = failure(JSON.stringify(good).slice(0, 40));
    expect(error.code).toBe('catalogue-invalid');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('names the schema it expects', () => {
    expect(failure(JSON.stringify({ ...good, schema: 'other@2' })).message).toMatch(
      /"other@2".*private-recs\/catalogue@1/,
    );
  });

  it('names the item and field with the wrong type', () => {
    const items = [good.items[0], { id: 'x', title: 42 }];
    const message = failure(JSON.stringify({ ...good, items })).message;
    expect(message).toContain('item 2 (id "x"): "title" must be text, but it is a number');
  });

  it('reports a missing title as missing', () => {
    const message = failure(JSON.stringify({ ...good, items: [{ id: 'x' }] })).message;
    expect(message).toContain('"title" must be text, but it is missing');
  });

  it('refuses an id that is not well-formed Unicode (a lone surrogate), in plain words', () => {
    const items = [good.items[0], { id: '\ud800', title: 'Broken id' }];
    const message = failure(JSON.stringify({ ...good, items })).message;
    expect(message).toContain('item 2 (id "\\ud800"): "id" is not well-formed Unicode');
    const campaigns = [{ id: 'c', title: 'Sale', itemIds: ['a', 'b\udfff'] }];
    expect(failure(JSON.stringify({ ...good, campaigns })).message).toContain(
      '"campaigns.0.itemIds.1" is not well-formed Unicode',
    );
    expect(failure(JSON.stringify({ ...good, id: '\udc00shop' })).message).toContain(
      '"id" is not well-formed Unicode',
    );
  });

  it('refuses two ids that differ only in Unicode normalisation, naming both', () => {
    const items = [
      { id: 'caf\u00e9', title: 'NFC' },
      good.items[0],
      { id: 'cafe\u0301', title: 'NFD' },
    ];
    expect(failure(JSON.stringify({ ...good, items })).message).toMatch(
      /item ids "café" \(item 1\) and "cafe\\u0301" \(item 3\) differ only in how their accents are encoded/,
    );
  });

  it('rejects duplicate ids, naming both positions', () => {
    const items = [good.items[0], good.items[1], { id: 'a', title: 'Again' }];
    expect(failure(JSON.stringify({ ...good, items })).message).toContain(
      'item id "a" is used twice (items 1 and 3)',
    );
  });

  it('rejects an empty catalogue, a non-object and enormous strings', () => {
    expect(failure(JSON.stringify({ ...good, items: [] })).message).toMatch(/no items/);
    expect(failure('[1,2,3]').message).toMatch(/must be a JSON object/);
    const items = [{ id: 'a', title: 'x'.repeat(5000) }];
    expect(failure(JSON.stringify({ ...good, items })).message).toMatch(/longer than/);
  });
});
