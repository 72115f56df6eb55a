import { expect, test, type Page } from '@playwright/test';
import { Shop } from './support/shop';

/** The Chinese demo shop (scripts/generate-catalogue-zh.ts). */
const CATALOGUE = 'catalogue=catalogue-zh.json';
const TINY_MODEL = 'private-recs/tiny-bert';

async function search(page: Page, shop: Shop, query: string) {
  await page.getByTestId('search.input').fill(query);
  await page.getByTestId('search.input').press('Enter');
  // The grid of the previous search stays until this one has been ranked.
  await expect(page.getByTestId('search.results')).toHaveAttribute('data-query', query);
  const cards = await shop.cards('search.results');
  for (const card of cards) expect(card.reason, query).toMatch(/^(Matches “|Related to “)/);
  return cards;
}

/** Titles of the catalogue's available items, by id. */
async function titles(page: Page): Promise<Map<string, string>> {
  const items = await page.evaluate(() => window.privateRecs.internals.items());
  return new Map(items.filter((i) => i.available !== false).map((i) => [i.id, i.title]));
}

test('the shop switch opens the Chinese shop, by name, with its catalogue', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open();
  // The header names the shop by its catalogue's name, not its id.
  await expect(page.locator('.brand')).toHaveText('Harbour & Field');
  await page.getByTestId('shop.switch').selectOption('catalogue-zh.json');
  await expect(page).toHaveURL(/catalogue=catalogue-zh\.json/);
  await shop.ready();
  await expect(page.locator('.brand')).toHaveText('拾光小铺');
  // Other parameters survive the switch: the lexical encoder stays pinned.
  await expect(page.getByTestId('status.encoder')).toHaveText('lexical');
  const status = await page.evaluate(() => window.privateRecs.internals.status());
  expect(status.catalogue).toMatchObject({ id: 'demo-shop-zh', language: 'zh' });
  expect(status.items).toBeGreaterThanOrEqual(300);
});

test('a Chinese query finds the items whose titles contain its words', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open(`?${CATALOGUE}`);
  const byId = await titles(page);
  // Unspaced Chinese, mixed Chinese–English, and a sentence with a particle (的).
  for (const [query, words] of [
    ['降噪耳机', ['降噪耳机']],
    ['Hi-Res降噪耳机', ['hi-res降噪耳机']],
    ['猫爬架', ['猫爬架']],
    ['安静的咖啡磨豆机', ['咖啡磨豆机']],
  ] as const) {
    const expected = [...byId].filter(([, title]) =>
      words.every((word) => title.toLowerCase().includes(word)),
    );
    expect(expected.length, query).toBeGreaterThan(0);
    const results = await search(page, shop, query);
    const top = results.slice(0, expected.length).map((card) => card.itemId);
    expect(top.sort(), query).toEqual(expected.map(([id]) => id).sort());
  }
  expect(await shop.interactionCount()).toBe(0);
});

test('a visitor who clicks 5 items of one category gets at least 8 of 10 from it', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open(`?${CATALOGUE}`);
  const before = (await shop.cards()).slice(0, 10);
  const categories = await page.evaluate(async () => {
    const items = await window.privateRecs.internals.items();
    return [...new Set(items.map((item) => item.category?.split('>')[0]?.trim() ?? ''))];
  });
  // The category least present in the cold-start list, so the shift cannot come from the prior.
  const target = categories.find((name) => !before.some((card) => card.category === name)) ?? '';
  expect(target).not.toBe('');
  // The visitor searches for the category and clicks five different results, one after another.
  const clicked: string[] = [];
  while (clicked.length < 5) {
    const results = await search(page, shop, target);
    const next = results.find((c) => c.category === target && !clicked.includes(c.itemId));
    if (!next) throw new Error(`No unclicked result of ${target}.`);
    await page
      .getByTestId('search.results')
      .locator(`[data-testid="recs.card"][data-item-id="${next.itemId}"] a`)
      .first()
      .click();
    await expect(page.getByTestId('item.page')).toHaveAttribute('data-item-id', next.itemId);
    clicked.push(next.itemId);
  }
  const history = await shop.history();
  expect(history.filter((event) => event.type === 'click').map((e) => e.itemId)).toEqual(clicked);
  await shop.goHome();
  await expect
    .poll(async () => (await shop.cards()).slice(0, 10).filter((c) => c.category === target).length)
    .toBeGreaterThanOrEqual(8);
});

test('the tiny text model encodes the Chinese shop: no unknown tokens, search by meaning', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open(`?${CATALOGUE}&model=${TINY_MODEL}&backend=wasm`);
  const status = await shop.indexed();
  expect(status.encoder).toMatchObject({ id: TINY_MODEL, kind: 'transformer' });
  expect(status.semantic).toMatchObject({ state: 'ready' });
  const vectors = await shop.itemVectors();
  expect(vectors.ids.length).toBe(status.items);
  // Every item got a finite unit vector, and the items are not all alike.
  const norms = vectors.ids.map((_, r) =>
    Math.hypot(...vectors.data.slice(r * vectors.dims, (r + 1) * vectors.dims)),
  );
  for (const norm of norms) expect(norm).toBeCloseTo(1, 3);
  const distinct = new Set(vectors.data.map((value) => value.toFixed(3)));
  expect(distinct.size).toBeGreaterThan(vectors.dims * 10);
  // The query is encoded by the same model: its best match shares the query's characters.
  const byId = await titles(page);
  const results = await search(page, shop, '瑜伽垫');
  expect(byId.get(results[0]?.itemId ?? '')).toContain('瑜伽');
});
