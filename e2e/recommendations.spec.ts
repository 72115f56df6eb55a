import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

test('cold start: a new visitor sees popular, varied recommendations with reasons', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const cards = await shop.cards();
  expect(cards.length).toBeGreaterThanOrEqual(10);
  const top10 = cards.slice(0, 10);
  expect(new Set(top10.map((card) => card.category)).size).toBeGreaterThanOrEqual(4);
  for (const card of top10) expect(card.reason).toMatch(/^Popular/);
  await expect(page.getByTestId('status.line')).toContainText('items');
  await expect(page.getByTestId('status.encoder')).toHaveText('lexical');
  expect(await shop.interactionCount()).toBe(0);
});

test('engaging with one category moves the top 10 towards it, with a reason naming the cause', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const before = await shop.cards();
  // The category least present in the cold-start list, so the shift cannot come from the prior.
  const categories = await page.evaluate(async () => {
    const items = await window.privateRecs.internals.items();
    return [...new Set(items.map((item) => item.category?.split('>')[0]?.trim() ?? ''))];
  });
  const target =
    categories.find((name) => !before.slice(0, 10).some((card) => card.category === name)) ?? '';
  expect(target).not.toBe('');
  const engaged = await shop.itemsOfCategory(target, 4);
  for (const itemId of engaged) {
    await shop.openItem(itemId);
    await shop.press('like');
    await expect(page.getByTestId('app.snackbar')).toContainText('Liked');
  }
  await shop.goHome();
  await expect
    .poll(async () => (await shop.cards()).slice(0, 10).filter((c) => c.category === target).length)
    .toBeGreaterThanOrEqual(6);
  const after = (await shop.cards()).slice(0, 10);
  const personal = after.filter((card) => card.reason.startsWith('Because you'));
  expect(personal.length).toBeGreaterThan(0);
  const titles = await page.evaluate(async (ids) => {
    const items = await window.privateRecs.internals.items();
    return items.filter((item) => ids.includes(item.id)).map((item) => item.title);
  }, engaged);
  for (const card of personal)
    expect(titles.some((title) => card.reason.includes(title))).toBe(true);
  // Engaged items are not recommended back in the feed.
  for (const card of after) expect(engaged).not.toContain(card.itemId);
});

test('a purchased item leaves the recommendations, in the feed and in search', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open();
  const [first] = await shop.cards();
  const itemId = first?.itemId ?? '';
  const title = await page.evaluate(
    async (id) =>
      (await window.privateRecs.internals.items()).find((i) => i.id === id)?.title ?? '',
    itemId,
  );
  const searchFor = async () =>
    (await page.evaluate((q) => window.privateRecs.recommend({ query: q, count: 50 }), title)).map(
      (r) => r.itemId,
    );
  // Before: a search for its exact title finds it. The purchase is the only event (no view).
  expect(await searchFor()).toContain(itemId);
  await page.evaluate((id) => window.privateRecs.track({ type: 'purchase', itemId: id }), itemId);
  await expect.poll(async () => (await shop.cards()).map((c) => c.itemId)).not.toContain(itemId);
  expect((await shop.cards()).length).toBeGreaterThanOrEqual(10);
  expect(await searchFor()).not.toContain(itemId);
});

test('disliking items of a category pushes that category out of the top 10', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open();
  const before = await shop.cards();
  const counts = new Map<string, number>();
  for (const card of before) counts.set(card.category, (counts.get(card.category) ?? 0) + 1);
  const [target = ''] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  expect(counts.get(target)).toBeGreaterThanOrEqual(1);
  const shown = new Set(before.map((c) => c.itemId));
  const disliked = (await shop.itemsOfCategory(target, 12))
    .filter((id) => !shown.has(id))
    .slice(0, 3);
  for (const itemId of disliked) {
    await page.evaluate((id) => window.privateRecs.track({ type: 'dislike', itemId: id }), itemId);
  }
  await expect
    .poll(async () => (await shop.cards()).filter((c) => c.category === target).length)
    .toBe(0);
});

test('search ranks by the words typed and records nothing about the query', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open();
  await page.getByTestId('search.input').fill('running watch');
  await page.getByTestId('search.input').press('Enter');
  const results = (await shop.cards('search.results')).slice(0, 5);
  expect(results.length).toBe(5);
  const texts = await page.evaluate(
    async (ids) => {
      const items = await window.privateRecs.internals.items();
      return ids.map((id) => {
        const item = items.find((i) => i.id === id);
        return [item?.title, item?.category, ...(item?.tags ?? [])].join(' ').toLowerCase();
      });
    },
    results.map((r) => r.itemId),
  );
  // Every top result matches at least one of the words; most match both.
  for (const text of texts) expect(/running|watch/.test(text)).toBe(true);
  expect(
    texts.filter((t) => t.includes('running') && t.includes('watch')).length,
  ).toBeGreaterThanOrEqual(2);
  // The reason names the words the item matched.
  expect(results[0]?.reason).toBe('Matches “running”, “watch”');
  expect(await shop.interactionCount()).toBe(0);
});
