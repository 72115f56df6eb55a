/** Bad import lines: wrong types, odd item ids, implausible times, prototype-pollution keys. */
import type { BadImport, BadImportKind, Lines } from './import-cases';

/** A file of one bad line: refused as a whole. */
function single(kind: BadImportKind, name: string, line: string, mentions: RegExp): BadImport {
  return { name, kind, body: () => `${line}\n`, adds: [], rejected: 1, mentions };
}

/** A valid line, then bad ones: the valid line is imported, each bad one rejected. */
function besideValid(
  lines: Lines,
  kind: BadImportKind,
  name: string,
  bad: string[],
  mentions: RegExp,
): BadImport {
  const [valid, event] = lines.event('like');
  const text = [valid, ...bad].join('\n');
  return { name, kind, body: () => text, adds: [event], rejected: bad.length, mentions };
}

/** The `view` event `at(lines, { item })` stands for. */
const viewAt = (lines: Lines, itemId: string) => ({
  type: 'view' as const,
  itemId,
  ts: lines.now - 5_000,
});

/** A file of one line about an item the catalogue lacks: kept, as the app keeps such history. */
function kept(lines: Lines, name: string, itemId: string): BadImport {
  const body = `${at(lines, { item: itemId })}\n`;
  return {
    name,
    kind: 'unknown-item',
    body: () => body,
    adds: [viewAt(lines, itemId)],
    rejected: 0,
    mentions: /./,
  };
}

const at = (lines: Lines, fields: Record<string, unknown>) =>
  JSON.stringify({
    user: 'me',
    item: lines.ids[1],
    type: 'view',
    ts: lines.now - 5_000,
    ...fields,
  });

/** Lines with fields of the wrong type or out of range. */
function wrongTypes(lines: Lines): BadImport[] {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['item is a number', { item: 42 }, /"item" must be an item id/],
    ['item is null', { item: null }, /"item" must be an item id/],
    ['type is a number', { type: 7 }, /"type" must be one of/],
    ['type in capitals', { type: 'VIEW' }, /"type" must be one of/],
    ['ts is text', { ts: String(lines.now) }, /"ts" must be a time/],
    ['ts has a fraction', { ts: lines.now - 0.5 }, /"ts" must be a whole number/],
    ['value is text', { type: 'rating', value: '4' }, /"value" must be a number/],
    ['value above 5', { type: 'rating', value: 6 }, /"value" must be from 0 to 5/],
    ['value below 0', { type: 'rating', value: -1 }, /"value" must be from 0 to 5/],
    ['a rating without a value', { type: 'rating' }, /"rating" needs a "value"/],
  ];
  const fields = cases.map(([name, f, mentions]) =>
    single('wrong-type', name, at(lines, f), mentions),
  );
  const shapes: [string, string, RegExp][] = [
    ['a line that is a list', '["view","sku"]', /not a JSON object/],
    ['a line that is text', '"view sku-0001"', /not a JSON object/],
    ['a line that is a number', '1700000000000', /not a JSON object/],
    ['a line that is null', 'null', /not a JSON object/],
    ['settings that are a list', '{"settings":[]}', /"settings" must be an object/],
    ['settings that are text', '{"settings":"pause"}', /"settings" must be an object/],
    [
      'learningPaused as text',
      '{"settings":{"learningPaused":"yes"}}',
      /"settings.learningPaused" must be true or false/,
    ],
    [
      'excludedItems as text',
      '{"settings":{"excludedItems":"sku-0001"}}',
      /"settings.excludedItems" must be a list/,
    ],
  ];
  return [
    ...fields,
    ...shapes.map(([name, line, mentions]) => single('wrong-type', name, line, mentions)),
  ];
}

/**
 * Items the catalogue does not have (kept: a catalogue update may have removed them, and the
 * history about them is the visitor's), and ids no catalogue could have (refused).
 */
function unknownItems(lines: Lines): BadImport[] {
  const strange: [string, string][] = [
    ['an id from another shop', 'zzz-unknown-1'],
    ['an id in the wrong case', (lines.ids[0] ?? '').toUpperCase()],
    ['markup as an id', '<img src=x onerror=alert(1)>'],
    ['an id with a line break', 'sku\n0001'],
  ];
  const cases = strange.map(([name, item]) => kept(lines, name, item));
  const impossible: [string, string, RegExp][] = [
    ['an empty id', '', /"item" must not be empty/],
    ['an id of 201 characters', 'x'.repeat(201), /"item" is longer than 200 characters/],
    ['a lone surrogate as an id', 'sku-\ud800', /"item" is not well-formed Unicode/],
  ];
  cases.push(
    ...impossible.map(([name, item, mentions]) =>
      single('unknown-item', name, at(lines, { item }), mentions),
    ),
  );
  const gone = Array.from({ length: 10 }, (_, i) => `gone-${i}`);
  const [valid, event] = lines.event('like');
  const text = [valid, ...gone.map((item) => at(lines, { item }))].join('\n');
  cases.push({
    name: 'ten removed items beside a known one',
    kind: 'unknown-item',
    body: () => text,
    adds: [event, ...gone.map((item) => viewAt(lines, item))],
    rejected: 0,
    mentions: /./,
  });
  return cases;
}

/** Times before 2000, in the future, in seconds instead of milliseconds, or none at all. */
function times(lines: Lines): BadImport[] {
  const day = 86_400_000;
  const values: [string, unknown, RegExp][] = [
    ['the year 3000', Date.UTC(3000, 0, 1), /is not a plausible time/],
    ['two days ahead', lines.now + 2 * day, /is not a plausible time/],
    ['the last day of 1999', Date.UTC(1999, 11, 31), /is not a plausible time/],
    ['time zero', 0, /is not a plausible time/],
    ['a negative time', -1, /is not a plausible time/],
    ['1e300', 1e300, /is not a plausible time/],
    ['seconds instead of milliseconds', Math.floor(lines.now / 1000), /is not a plausible time/],
    ['no time at all', null, /"ts" must be a time/],
  ];
  const cases = values.map(([name, ts, mentions]) =>
    single('time', name, at(lines, { ts }), mentions),
  );
  const infinite = at(lines, { ts: '__1e999__' }).replace('"__1e999__"', '1e999');
  cases.push(single('time', '1e999 (infinity once parsed)', infinite, /"ts" must be a time/));
  return cases;
}

/** Keys that would pollute Object.prototype if the parser merged objects naively. */
function prototypeKeys(lines: Lines): BadImport[] {
  const polluting = '{"polluted":"yes"}';
  const hostile: [string, string, RegExp][] = [
    ['a __proto__ line', `{"__proto__":${polluting}}`, /"type" must be one of/],
    [
      'a constructor.prototype line',
      `{"constructor":{"prototype":${polluting}}}`,
      /"type" must be one of/,
    ],
    [
      'settings with __proto__',
      `{"settings":{"__proto__":${polluting}}}`,
      /unknown setting "__proto__"/,
    ],
    [
      'settings with constructor',
      `{"settings":{"constructor":{"prototype":${polluting}}}}`,
      /unknown setting "constructor"/,
    ],
    [
      'settings.excludedItems with __proto__',
      `{"settings":{"excludedItems":{"__proto__":[]}}}`,
      /must be a list/,
    ],
    ['constructor as a type', at(lines, { type: 'constructor' }), /"type" must be one of/],
    ['toString as a type', at(lines, { type: 'toString' }), /"type" must be one of/],
  ];
  const cases = hostile.map(([name, line, mentions]) =>
    besideValid(lines, 'prototype', name, [line], mentions),
  );
  // "__proto__" as an item id is data: stored under that id, no prototype touched.
  cases.push({ ...kept(lines, '__proto__ as an item id', '__proto__'), kind: 'prototype' });
  // A valid event that also carries a __proto__ key: the key is ignored, the event kept.
  const [line, event] = lines.event('like', lines.ids[2]);
  const carrying = line.replace('{', `{"__proto__":${polluting},`);
  cases.push({
    name: 'a valid event carrying a __proto__ key',
    kind: 'prototype',
    body: () => carrying,
    adds: [event],
    rejected: 0,
    mentions: /./,
  });
  return cases;
}

/** Every line-level case. */
export function lineCases(lines: Lines): BadImport[] {
  return [...wrongTypes(lines), ...unknownItems(lines), ...times(lines), ...prototypeKeys(lines)];
}
