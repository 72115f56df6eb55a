/** Malformed catalogue fields: wrong types, missing ids and titles, strings over their limits. */
import { CATALOGUE_LIMITS } from '../../src/shared/catalogue/schema';
import { baseCatalogue, family, type BadCatalogue, type CaseSpec } from './catalogue-cases';

/** Stands for a number JSON.stringify cannot write: it becomes 1e999 (infinity once parsed). */
const HUGE_NUMBER = '__1e999__';

type Target = 'root' | 'item';

/** A value as JSON for a case name: at most 40 characters, "nothing" for undefined. */
export function shortJson(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? 'nothing' : json.slice(0, 40);
}

/** A case that sets one field (of the catalogue, or of item 2) and expects the message to name it. */
function field(target: Target, key: string, value: unknown, mentions: RegExp): CaseSpec {
  const shown =
    value === HUGE_NUMBER
      ? '1e999'
      : typeof value === 'string' && value.length > 40
        ? `${value.length.toLocaleString('en')} characters`
        : shortJson(value);
  return {
    name: `${target === 'root' ? 'catalogue' : 'item 2'} "${key}" = ${shown}`,
    body: () => {
      const catalogue = baseCatalogue();
      const into: Record<string, unknown> =
        target === 'root' ? catalogue : (catalogue.items[1] ?? {});
      if (value === undefined) Reflect.deleteProperty(into, key);
      else into[key] = value;
      return JSON.stringify(catalogue).replace(`"${HUGE_NUMBER}"`, '1e999');
    },
    mentions,
  };
}

const itemField = (key: string, value: unknown, expected: string) =>
  field('item', key, value, new RegExp(`item 2 \\(id "b-2"\\): "${key}" must be ${expected}`));

/** Each field of the contract given values of the wrong type. */
export function wrongTypeCases(): BadCatalogue[] {
  const roots: [unknown, string][] = [
    [null, 'null'],
    [[], 'a list'],
    ['catalogue', 'text'],
    [42, 'a number'],
    [true, 'a boolean'],
  ];
  const whole = roots.map(([value, said]) => ({
    name: `the whole file is ${said}`,
    body: () => JSON.stringify(value),
    mentions: new RegExp(`must be a JSON object .* but it is ${said}`),
  }));
  const specs: CaseSpec[] = [
    ...[42, null, [], {}, true].map((v) => field('root', 'id', v, /"id" must be text/)),
    ...[{}, 'items', null, 42].map((v) => field('root', 'items', v, /"items" must be a list/)),
    field('root', 'version', 2026, /"version" must be text/),
    field('root', 'language', ['en'], /"language" must be text/),
    ...[7, null, [], {}, true].map((v) => itemField('title', v, 'text')),
    ...[5, ['long']].map((v) => itemField('description', v, 'text')),
    itemField('category', ['Kitchen', 'Kettles'], 'text'),
    itemField('tags', 'enamel', 'a list'),
    field('item', 'tags', [1, 2], /item 2 \(id "b-2"\): "tags.0" must be text/),
    ...['19.90', true, null, HUGE_NUMBER].map((v) => itemField('price', v, 'a number')),
    field('item', 'price', -1, /"price" must not be negative/),
    itemField('popularity', 'high', 'a number'),
    field('item', 'popularity', -0.5, /"popularity" must not be negative/),
    ...['yes', 1, 'false'].map((v) => itemField('available', v, 'true or false')),
    itemField('image', 5, 'text'),
    itemField('url', {}, 'text'),
    itemField('currency', 978, 'text'),
    ...['just text', 42, null, []].map((value) => ({
      name: `item 2 is ${JSON.stringify(value)}`,
      body: () => {
        const catalogue = baseCatalogue();
        (catalogue.items as unknown[])[1] = value;
        return JSON.stringify(catalogue);
      },
      mentions: /item 2 must be an object/,
    })),
    ...[{}, 'none'].map((v) => field('root', 'campaigns', v, /"campaigns" must be a list/)),
    field('root', 'campaigns', [{ id: 5, title: 'Sale' }], /"campaigns.0.id" must be text/),
    ...[
      'vectors.bin',
      { kind: 'text', model: 'm', dims: '384', dtype: 'int8', url: 'v.bin' },
      { kind: 'text', model: 'm', dims: 384, dtype: 'int4', url: 'v.bin' },
      Array.from({ length: 5 }, () => ({
        kind: 'text',
        model: 'm',
        dims: 8,
        dtype: 'int8',
        url: 'v',
      })),
    ].map((v) => field('root', 'vectors', v, /"vectors" must describe a vector file/)),
  ];
  return family('wrong-type', [...whole, ...specs]);
}

/** Missing and empty ids and titles, at different places. */
export function missingCases(): BadCatalogue[] {
  const atItem = (index: number, key: string, value: unknown): CaseSpec => ({
    name: `item ${index + 1} ${value === undefined ? 'without' : 'with an empty'} "${key}"`,
    body: () => {
      const catalogue = baseCatalogue();
      const item = catalogue.items[index] ?? {};
      if (value === undefined) Reflect.deleteProperty(item, key);
      else item[key] = value;
      return JSON.stringify(catalogue);
    },
    mentions: new RegExp(
      `item ${index + 1}.*"${key}" (must be text, but it is missing|must not be empty)`,
    ),
  });
  const specs: CaseSpec[] = [
    field('root', 'id', undefined, /"id" must be text, but it is missing/),
    field('root', 'id', '', /"id" must not be empty/),
    field('root', 'items', undefined, /"items" must be a list, but it is missing/),
    field('root', 'items', [], /no items/),
    ...[0, 1, 2].flatMap((i) => [atItem(i, 'id', undefined), atItem(i, 'id', '')]),
    ...[0, 2].flatMap((i) => [atItem(i, 'title', undefined), atItem(i, 'title', '')]),
    {
      name: 'every item without an id',
      body: () =>
        JSON.stringify({
          ...baseCatalogue(),
          items: [{ title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }],
        }),
      mentions: /item 1: "id" must be text, but it is missing.*and 1 more problem\)/,
    },
  ];
  return family('missing-id', specs);
}

/** Strings (and lists) over the limits, from just over to many megabytes. */
export function enormousCases(): BadCatalogue[] {
  const L = CATALOGUE_LIMITS;
  const long = (target: Target, key: string, length: number, limit: number) =>
    field(
      target,
      key,
      'x'.repeat(length),
      new RegExp(`"${key}" is longer than ${limit} characters`),
    );
  const specs: CaseSpec[] = [
    ...[L.titleLength + 1, 10_000, 1_000_000, 10_000_000].map((n) =>
      long('item', 'title', n, L.titleLength),
    ),
    ...[L.idLength + 1, 100_000].map((n) => ({
      ...long('item', 'id', n, L.idLength),
      mentions: new RegExp(`item 2 \\(id "x{80}…"\\): "id" is longer than ${L.idLength}`),
    })),
    ...[L.descriptionLength + 1, 5_000_000].map((n) =>
      long('item', 'description', n, L.descriptionLength),
    ),
    long('item', 'category', L.titleLength + 1, L.titleLength),
    field('item', 'tags', ['x'.repeat(L.titleLength + 1)], /"tags.0" is longer than/),
    field(
      'item',
      'tags',
      Array.from({ length: L.tags + 1 }, (_, i) => `t${i}`),
      /"tags" has more than 100 entries/,
    ),
    long('item', 'url', L.urlLength + 1, L.urlLength),
    long('item', 'image', 1_000_000, L.urlLength),
    long('item', 'currency', 11, 10),
    ...[L.idLength + 1, 1_000_000].map((n) => long('root', 'id', n, L.idLength)),
    long('root', 'version', 201, 200),
    long('root', 'language', 36, 35),
    field(
      'root',
      'campaigns',
      [{ id: 'c', title: 'x'.repeat(L.titleLength + 1) }],
      /"campaigns.0.title" is longer than/,
    ),
    field(
      'root',
      'campaigns',
      [{ id: 'c', title: 'Sale', text: 'x'.repeat(L.descriptionLength + 1) }],
      /"campaigns.0.text" is longer than/,
    ),
    field(
      'root',
      'campaigns',
      Array.from({ length: 1_001 }, (_, i) => ({ id: `c${i}`, title: 't' })),
      /"campaigns" has more than 1000 entries/,
    ),
  ];
  return family('enormous-string', specs);
}
