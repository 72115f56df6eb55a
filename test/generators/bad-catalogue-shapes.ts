/** Malformed catalogue shapes: duplicate ids, 100,000 items, deep nesting, wrong schema. */
import { CATALOGUE_LIMITS, CATALOGUE_SCHEMA } from '../../src/shared/catalogue/schema';
import {
  baseCatalogue,
  family,
  generatedCatalogue,
  type BadCatalogue,
  type CaseSpec,
} from './catalogue-cases';
import { shortJson } from './bad-catalogue-fields';

const TWICE = /is used twice/;

/** A catalogue of `count` items as small as the contract allows (the count is what is tested). */
function tinyItems(count: number): string {
  const items = Array.from({ length: count }, (_, i) => `{"id":"${i.toString(36)}","title":"t"}`);
  return `{"schema":"${CATALOGUE_SCHEMA}","id":"h7","items":[${items.join(',')}]}`;
}
const BIG = 100_000;

/** The good catalogue with one item's id copied onto another (first and last included). */
export function duplicateCases(good: string): BadCatalogue[] {
  const pairs: [number, number][] = [
    [0, 1],
    [0, 2],
    [1, 2],
    [0, -1],
    [-2, -1],
    [5, 600],
    [600, 601],
    [100, 1000],
    [17, 18],
    [1, -1],
  ];
  const copy = (from: number, to: number) => () => {
    const catalogue = JSON.parse(good) as { items: { id: string }[] };
    const { items } = catalogue;
    const at = (i: number) => (i < 0 ? items.length + i : i);
    const target = items[at(to)];
    if (target) target.id = items[at(from)]?.id ?? '';
    return JSON.stringify(catalogue);
  };
  const place = (i: number) =>
    i < 0 ? `the ${i === -1 ? 'last' : 'second-last'} item` : `item ${i + 1}`;
  const specs: CaseSpec[] = pairs.map(([from, to]) => ({
    name: `${place(to)} repeats the id of ${place(from)}`,
    body: copy(from, to),
    mentions: TWICE,
  }));
  const small = (ids: string[], name: string): CaseSpec => ({
    name,
    body: () => JSON.stringify({ ...baseCatalogue(), items: ids.map((id) => ({ id, title: id })) }),
    mentions: TWICE,
  });
  specs.push(
    small(['a', 'a'], 'the only two items share an id'),
    small(['a', 'b', 'a', 'b', 'a'], 'three items share an id'),
    small(['<b>x</b>', '<b>x</b>'], 'a duplicated id with markup in it'),
    small(['x'.repeat(200), 'x'.repeat(200)], 'a duplicated id of 200 characters'),
    small(['ä', 'ä'], 'a duplicated non-ASCII id'),
  );
  return family('duplicate-id', specs);
}

/** 100,000-item catalogues with one fault, and catalogues over the item and size limits. */
export function hugeCases(): BadCatalogue[] {
  const big = (id: string) => generatedCatalogue(BIG, id);
  const last = `"id":"g-${BIG - 1}","title":"`;
  const specs: CaseSpec[] = [
    {
      name: `${BIG} items, the last title a number`,
      body: () => big('h1').replace(new RegExp(`${last}[^"]*"`), `"id":"g-${BIG - 1}","title":7`),
      mentions: new RegExp(`item ${BIG} \\(id "g-${BIG - 1}"\\): "title" must be text`),
    },
    {
      name: `${BIG} items, the last two with the same id`,
      body: () => big('h2').replace(`"id":"g-${BIG - 1}"`, `"id":"g-${BIG - 2}"`),
      mentions: new RegExp(`"g-${BIG - 2}" is used twice \\(items ${BIG - 1} and ${BIG}\\)`),
    },
    {
      name: `${BIG} items, one in the middle without a title`,
      body: () =>
        big('h3').replace(
          /"title":"[^"]*",("category":"[^"]*","popularity":\d+\},\{"id":"g-50001")/,
          '$1',
        ),
      mentions: /item 50001 \(id "g-50000"\): "title" must be text, but it is missing/,
    },
    {
      name: `${BIG} items under a wrong schema`,
      body: () => big('h4').replace(CATALOGUE_SCHEMA, 'private-recs/catalogue@9'),
      mentions: /"schema" is "private-recs\/catalogue@9"/,
    },
    {
      name: `${BIG} items, cut off at 90%`,
      body: () => {
        const text = big('h5');
        return text.slice(0, Math.floor(text.length * 0.9));
      },
      mentions: /truncated/,
    },
    {
      name: `${BIG} items, one with a description of 1,000,000 characters`,
      body: () =>
        big('h6').replace(
          '"id":"g-777",',
          `"id":"g-777","description":"${'d'.repeat(1_000_000)}",`,
        ),
      mentions: /item 778 \(id "g-777"\): "description" is longer than 20000 characters/,
    },
    {
      name: `${CATALOGUE_LIMITS.items + 1} items (over the limit)`,
      body: () => tinyItems(CATALOGUE_LIMITS.items + 1),
      mentions: new RegExp(
        `has ${(CATALOGUE_LIMITS.items + 1).toLocaleString('en')} items; this app reads at most ${CATALOGUE_LIMITS.items.toLocaleString('en')}`,
      ),
    },
  ];
  return family('huge', specs);
}

/** Lists and objects nested far deeper than a catalogue needs, in several places. */
export function deepCases(): BadCatalogue[] {
  const nest = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const nestObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const where: [string, (inner: string) => string][] = [
    ['as the whole file', (inner) => inner],
    [
      'in the item list',
      (inner) => JSON.stringify(baseCatalogue()).replace('"items":[', `"items":[${inner},`),
    ],
    [
      'in an item title',
      (inner) =>
        JSON.stringify(baseCatalogue()).replace('"title":"Trail tent"', `"title":${inner}`),
    ],
    [
      'in an unknown field',
      (inner) => JSON.stringify(baseCatalogue()).replace('{', `{"extra":${inner},`),
    ],
  ];
  const specs: CaseSpec[] = [];
  for (const depth of [40, 1_000, 100_000, 1_000_000]) {
    for (const [place, put] of where) {
      specs.push({
        name: `${depth.toLocaleString('en')} nested lists ${place}`,
        body: () => put(nest(depth)),
        mentions: /nests lists or objects more than 32 levels deep/,
      });
    }
  }
  specs.push({
    name: '10,000 nested objects in an unknown field',
    body: () => JSON.stringify(baseCatalogue()).replace('{', `{"extra":${nestObjects(10_000)},`),
    mentions: /more than 32 levels deep/,
  });
  return family('deep-nesting', specs);
}

/** A missing, older, newer or misspelt schema, and schemas of the wrong type. */
export function schemaCases(): BadCatalogue[] {
  const values: unknown[] = [
    'private-recs/catalogue@2',
    'private-recs/catalogue@10',
    'private-recs/catalogue@0',
    'private-recs/catalogue@1.1',
    'private-recs/catalogue',
    'Private-Recs/catalogue@1',
    ' private-recs/catalogue@1',
    'private-recs/catalogue@1\n',
    'other-shop/catalogue@1',
    '',
    undefined,
    null,
    1,
    [CATALOGUE_SCHEMA],
    { name: CATALOGUE_SCHEMA },
    'x'.repeat(10_000_000),
  ];
  const specs = values.map((schema) => ({
    name: `schema ${shortJson(schema)}`,
    body: () => JSON.stringify({ ...baseCatalogue(), schema }),
    mentions:
      typeof schema === 'string' && /@(2|10)$/.test(schema)
        ? /"schema".*written for a newer version/
        : /its "schema" is .*this app reads "private-recs\/catalogue@1"/,
  }));
  return family('schema-version', specs);
}
