import { expect, test, type Page } from '@playwright/test';
import { Shop } from './support/shop';

/**
 * Collaborative vectors shipped with a catalogue (npm run catalogue:build) join the text
 * vectors on the device: items that the shop's customers use together become similar even when
 * their text has nothing in common.
 */
const TITLES = [
  'Espresso grinder with ceramic burrs',
  'Espresso grinder with steel burrs',
  'Trail running shoes with rock plate',
  'Watercolour paint set for beginners',
  'Cast iron frying pan',
  'Bicycle repair stand',
  'Wool hiking socks',
  'Board game about trading spices',
];

const catalogue = (vectors?: object) => ({
  schema: 'private-recs/catalogue@1',
  id: 'collab-test',
  items: TITLES.map((title, i) => ({ id: `c${i}`, title, category: `Group ${i}` })),
  ...(vectors ? { vectors } : {}),
});

/**
 * Two dims per item: the ceramic grinder (c0) and the repair stand (c5) share usage; the other
 * items, the steel grinder (c1) with text much like c0's included, do not.
 */
function collabVectors(): Buffer {
  const rows = TITLES.map((_, i) => (i === 0 || i === 5 ? [127, 0] : [0, i % 2 ? 127 : -127]));
  return Buffer.from(Int8Array.from(rows.flat()).buffer);
}

async function openWith(page: Page, vectors: object | undefined, file?: Buffer): Promise<Shop> {
  await page.route('**/catalogue.json', (route) => route.fulfill({ json: catalogue(vectors) }));
  if (file) await page.route('**/collab.bin', (route) => route.fulfill({ body: file }));
  const shop = new Shop(page);
  await shop.open();
  return shop;
}

const SPEC = {
  kind: 'collaborative',
  model: 'cooccurrence-svd',
  dims: 2,
  dtype: 'int8',
  url: 'collab.bin',
};

const similarTo = (page: Page, itemId: string) =>
  page.evaluate(
    async (id) =>
      (await window.privateRecs.recommend({ contextItemId: id, count: 3 })).map((r) => r.itemId),
    itemId,
  );

test('collaborative vectors make co-used items similar and are reported in the status', async ({
  page,
}) => {
  await openWith(page, { ...SPEC, weight: 0.6 }, collabVectors());
  const status = await page.evaluate(() => window.privateRecs.internals.status());
  expect(status.collaborative).toEqual({ model: 'cooccurrence-svd', dims: 2, weight: 0.6 });
  await expect(page.getByTestId('status.collaborative')).toHaveText(
    '+ shop co-usage vectors (2 dims)',
  );
  expect((await similarTo(page, 'c0'))[0]).toBe('c5');
  expect((await similarTo(page, 'c5'))[0]).toBe('c0');
  // A text search still ranks by text alone.
  const found = await page.evaluate(async () =>
    (await window.privateRecs.recommend({ query: 'frying pan', count: 1 })).map((r) => r.itemId),
  );
  expect(found).toEqual(['c4']);
});

test('without collaborative vectors, similar items are the ones with similar text', async ({
  page,
}) => {
  await openWith(page, undefined);
  const status = await page.evaluate(() => window.privateRecs.internals.status());
  expect(status.collaborative).toBeNull();
  expect((await similarTo(page, 'c0'))[0]).toBe('c1');
});

test('a malformed collaborative vector file is a notice, and text vectors carry on', async ({
  page,
}) => {
  await openWith(page, SPEC, Buffer.from([1, 2, 3]));
  await expect(page.getByTestId('app.diagnostics')).toContainText(
    "The catalogue's collaborative vectors were not used: the vector file has 3 bytes",
  );
  const status = await page.evaluate(() => window.privateRecs.internals.status());
  expect(status.collaborative).toBeNull();
  expect(await similarTo(page, 'c0')).toHaveLength(3);
});
