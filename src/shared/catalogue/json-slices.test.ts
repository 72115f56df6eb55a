import { describe, expect, it } from 'vitest';
import { parseInSlices, scanCatalogueText } from './json-slices';

/** Parses in slices of `per`, recording the progress calls. */
async function sliced(text: string, per: number) {
  const calls: [number, number][] = [];
  const value = await parseInSlices(text, scanCatalogueText(text, 64, per), per, (done, total) => {
    calls.push([done, total]);
    return Promise.resolve();
  });
  return { value, calls };
}

/** JSON.parse's verdict: the value, or the error's message. */
function whole(text: string): unknown {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function inSlices(text: string, per: number): Promise<unknown> {
  try {
    return { value: (await sliced(text, per)).value };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const tricky = [
  { id: 'a', title: 'braces } ] { [ and, commas', tags: ['x,y', '"q"'] },
  { id: 'b\\"', title: 'escaped \\\\ backslash and "quote"', n: [1, [2, 3]] },
  { id: 'c', items: [{ id: 'nested' }], title: 'ünïcödé 中文 😀' },
  7,
  'a string item',
  null,
  { id: 'd', title: '' },
];

describe('catalogue JSON read in slices', () => {
  it('gives JSON.parse’s value for valid text, whatever the slice size and spacing', async () => {
    const catalogue = {
      schema: 'private-recs/catalogue@1',
      id: 'x',
      items: tricky,
      after: { items: 1 },
    };
    const texts = [
      JSON.stringify(catalogue),
      JSON.stringify(catalogue, null, 2),
      JSON.stringify(catalogue, null, '\t').replace(/\n/g, '\r\n'),
      `  ${JSON.stringify({ items: [], id: 'empty' })}  `,
      JSON.stringify({ items: [{ a: 1 }] }),
      '{"items" : [ 1 , 2 ,3 ] , "id":"spaces"}',
    ];
    for (const text of texts) {
      for (const per of [1, 2, 3, 10, 10_000]) {
        const { value, calls } = await sliced(text, per);
        expect(value).toEqual(JSON.parse(text));
        const count = (JSON.parse(text) as { items: unknown[] }).items.length;
        expect(calls.length).toBe(Math.ceil(count / per));
        if (count > 0) expect(calls.at(-1)).toEqual([count, count]);
      }
    }
  });

  it('slices only the top-level "items" array', () => {
    const text = JSON.stringify({ meta: { items: [1, 2] }, items: [1, 2, 3], tail: ['items'] });
    const { items } = scanCatalogueText(text, 64, 1);
    expect(items?.count).toBe(3);
    expect(text.slice((items?.open ?? 0) + 1, items?.close)).toBe('1,2,3');
    expect(items?.cuts.map((at) => text[at])).toEqual([',', ',']);
  });

  it('leaves what it does not recognise to one JSON.parse of the whole', async () => {
    for (const text of [
      '[1, 2, 3]',
      '{"items": 5}',
      '{"id": "no items"}',
      // Two "items" keys: JSON.parse keeps the last.
      '{"items": [1], "items": [2, 3]}',
      '{"\\u0069tems": [1, 2], "items": [3]}',
      '{"items": [1], "\\u0069tems": [2, 3]}',
    ]) {
      expect(await inSlices(text, 1)).toEqual(whole(text));
    }
  });

  it('refuses what JSON.parse refuses, with its message', async () => {
    for (const text of [
      '{"items": [1,]}',
      '{"items": [1,,2]}',
      '{"items": [,1]}',
      '{"items": [1 2]}',
      '{"items": [1, 2]',
      '{"items": [1, 2]} trailing',
      '{"items": [{"a": 1}, {"a": }]}',
      '{"items": [1, 2], }',
      '{"items": ["unterminated]}',
      '',
    ]) {
      for (const per of [1, 2, 10]) {
        const result = await inSlices(text, per);
        expect(result).toEqual(whole(text));
        expect(result).toHaveProperty('error');
      }
    }
  });

  it('stops at the nesting limit', () => {
    expect(scanCatalogueText('{"items": [[[[1]]]]}', 4, 10).deep).toBe(13);
    expect(scanCatalogueText('{"items": [[[1]]]}', 4, 10).deep).toBe(-1);
  });
});
