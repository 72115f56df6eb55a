import { expect, test, type Page } from '@playwright/test';
import { Shop } from './support/shop';

/** The category least present in the cold-start list, so a shift cannot come from the prior. */
async function unusedCategory(shop: Shop): Promise<string> {
  const shown = new Set((await shop.cards()).slice(0, 10).map((card) => card.category));
  const all = await shop.page.evaluate(async () => {
    const items = await window.privateRecs.internals.items();
    return [...new Set(items.map((item) => item.category?.split('>')[0]?.trim() ?? ''))];
  });
  return all.find((name) => !shown.has(name)) ?? '';
}

async function track(page: Page, type: 'like' | 'dislike' | 'view', ids: readonly string[]) {
  for (const itemId of ids) {
    await page.evaluate((e) => window.privateRecs.track(e), { type, itemId });
  }
}

for (const backend of ['wasm', 'webgpu'] as const) {
  test(`${backend}: five interactions with one theme make it dominate the top 10`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const shop = new Shop(page);
    await shop.open(`?backend=${backend}`);
    await expect(page.getByTestId('status.backend')).toHaveText(backend);
    const target = await unusedCategory(shop);
    await track(page, 'like', await shop.itemsOfCategory(target, 5));
    const status = await page.evaluate(() => window.privateRecs.internals.whenTrained());
    expect(status.learning).toMatchObject({ backend, trainedOn: 5, state: 'idle' });
    expect(status.learning.last?.epochs).toBeGreaterThan(0);
    expect(Number.isFinite(status.learning.last?.trainLoss)).toBe(true);
    await shop.goHome();
    // The feed refreshes on the trained weights once its previous refresh has settled (on a
    // slow software GPU that one may still be running): wait for the list the visitor then sees.
    await expect
      .poll(
        async () =>
          (await shop.cards()).slice(0, 10).filter((card) => card.category === target).length,
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(6);
  });
}

test('disliked items and their kind move down after learning', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open('?backend=wasm');
  const target = await unusedCategory(shop);
  const ids = await shop.itemsOfCategory(target, 12);
  await track(page, 'like', ids.slice(0, 4));
  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  const before = (await shop.cards()).filter((card) => card.category === target).length;
  expect(before).toBeGreaterThanOrEqual(6);
  await track(page, 'dislike', ids.slice(4, 10));
  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  const recs = await page.evaluate(() => window.privateRecs.recommend({ count: 10 }));
  for (const disliked of ids.slice(4, 10))
    expect(recs.map((r) => r.itemId)).not.toContain(disliked);
  await expect
    .poll(async () => (await shop.cards()).filter((card) => card.category === target).length)
    .toBeLessThan(before);
});

test('learned weights survive a reload without retraining; forget erases them', async ({
  page,
}) => {
  const shop = new Shop(page);
  // Off the feed: it records impressions of what it shows, which move the ranking a little
  // between the two lists compared here.
  await shop.open('?backend=wasm', '#/privacy');
  await track(page, 'like', await shop.itemsOfCategory('Pets', 6));
  const trained = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(trained.learning.trainedOn).toBe(6);
  const recs = await page.evaluate(() => window.privateRecs.recommend({ count: 10 }));

  await page.reload();
  await shop.ready();
  const after = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  // Stored weights fit the history: nothing was trained in this session.
  expect(after.learning).toMatchObject({ trainedOn: 6, last: null });
  const again = await page.evaluate(() => window.privateRecs.recommend({ count: 10 }));
  expect(again.map((r) => r.itemId)).toEqual(recs.map((r) => r.itemId));
  again.forEach((r, i) => {
    expect(r.score).toBeCloseTo(recs[i]?.score ?? NaN, 5);
  });

  await page.evaluate(() => window.privateRecs.forget());
  await page.reload();
  await shop.ready();
  const erased = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(erased.learning.trainedOn).toBe(0);
  expect(erased.interactions).toBe(0);
});

test('WebGPU and WASM train and rank the same catalogue alike', async ({ browser }) => {
  test.setTimeout(180_000);
  const rankings: { itemId: string; score: number }[][] = [];
  let history = '';
  for (const backend of ['wasm', 'webgpu']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const shop = new Shop(page);
    // Off the feed: it would record impressions of its own, and the histories would differ.
    await shop.open(`?backend=${backend}`, '#/privacy');
    if (!history) {
      const target = 'Pets';
      const ids = await shop.itemsOfCategory(target, 10);
      await track(page, 'like', ids.slice(0, 5));
      await track(page, 'view', ids.slice(5, 8));
      await track(page, 'dislike', ids.slice(8, 10));
      history = await page.evaluate(async () => (await window.privateRecs.exportData()).text());
      // Both backends then train once on the same history: tracked one by one, training may
      // have started part-way on a busy machine, and two runs end elsewhere than one.
      await page.evaluate(() => window.privateRecs.forget());
    }
    await page.evaluate((text) => window.privateRecs.importData(new Blob([text])), history);
    const status = await page.evaluate(() => window.privateRecs.internals.whenTrained());
    expect(status.learning).toMatchObject({ backend, trainedOn: 10 });
    rankings.push(await page.evaluate(() => window.privateRecs.recommend({ count: 10 })));
    await context.close();
  }
  const [wasm = [], webgpu = []] = rankings;
  expect(webgpu.map((r) => r.itemId)).toEqual(wasm.map((r) => r.itemId));
  webgpu.forEach((r, i) => {
    expect(r.score).toBeCloseTo(wasm[i]?.score ?? NaN, 3);
  });
});
