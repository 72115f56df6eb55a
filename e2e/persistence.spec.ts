import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { HOME_FEED_COUNT } from '../src/shared/ranking/home-feed';
import { Shop } from './support/shop';

test('history and personalisation survive a reload', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open();
  const [a, b] = await shop.cards();
  await shop.openItem(a?.itemId ?? '');
  await shop.press('like');
  await expect(page.getByTestId('app.snackbar')).toContainText('Liked');
  await shop.openItem(b?.itemId ?? '');
  await shop.press('add-to-cart');
  await expect(page.getByTestId('app.snackbar')).toContainText('cart');
  await shop.goHome();
  const history = await shop.history();
  expect(history.map((e) => e.type)).toEqual(['view', 'like', 'view', 'add_to_cart']);
  // Personalisation = history plus the weights learned from it; the page follows new weights.
  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  // The home feed's list, as the API gives it for the same request.
  const ranking = () =>
    page.evaluate(
      async (count) => (await window.privateRecs.recommend({ count })).map((r) => r.itemId),
      HOME_FEED_COUNT,
    );
  await expect.poll(async () => (await shop.cards()).map((c) => c.itemId)).toEqual(await ranking());
  // What the feed showed is recorded as impressions, which nudge the next ranking: compare
  // against the ranking once they have settled.
  await shop.impressionsSettled();
  const recs = await ranking();

  await page.reload();
  await shop.ready();
  expect(await shop.history()).toEqual(history);
  await expect(page.getByTestId('status.interactions')).toHaveText('4');
  const status = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  // Two items engaged with are too few to train on: the head has not counted them as trained.
  expect(status.learning).toMatchObject({ trainedOn: 0, last: null });
  expect(await ranking()).toEqual(recs);
  expect((await shop.cards()).map((c) => c.itemId)).toEqual(recs);
});

test('privacy page: delete one entry, export, erase everything, import it back', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const ids = (await shop.cards()).slice(0, 3).map((c) => c.itemId);
  for (const [i, itemId] of ids.entries()) {
    await page.evaluate(({ itemId, type }) => window.privateRecs.track({ type, itemId }), {
      itemId,
      type: i === 2 ? ('purchase' as const) : ('like' as const),
    });
  }
  await page.getByTestId('nav.privacy').click();
  const rows = page.getByTestId('privacy.history-row');
  await expect(rows).toHaveCount(3);
  // Newest first: delete the purchase.
  await rows.first().getByTestId('privacy.delete-button').click();
  await expect(rows).toHaveCount(2);
  const kept = await shop.history();
  expect(kept.map((e) => e.itemId)).toEqual(ids.slice(0, 2));

  const downloading = page.waitForEvent('download');
  await page.getByTestId('privacy.export-button').click();
  const file = await (await downloading).path();
  const text = await readFile(file, 'utf8');
  const lines = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  // The export holds everything recorded; the engagement lines are the two kept likes.
  const engagement = lines.filter((line) => 'item' in line && line.type !== 'impression');
  expect(engagement.map((line) => line.item)).toEqual(ids.slice(0, 2));
  expect(lines.some((line) => line.type === 'impression')).toBe(true);

  await page.getByTestId('privacy.forget-button').click();
  await page.getByTestId('privacy.forget-confirm').click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('status.interactions')).toHaveText('0');

  await page.getByTestId('privacy.import-input').setInputFiles(file);
  // Every recorded line comes back: the two kept likes and the impressions of the feed.
  await expect(page.getByTestId('app.snackbar')).toContainText(
    `Imported ${lines.length - 1} interactions`,
  );
  await expect(rows).toHaveCount(2);
  expect(await shop.history()).toEqual(kept);
});

test('a bad import file is rejected with a count and leaves the history untouched', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const [card] = await shop.cards();
  await page.evaluate(
    (itemId) => window.privateRecs.track({ type: 'like', itemId }),
    card?.itemId ?? '',
  );
  const before = await shop.history();
  await page.getByTestId('nav.privacy').click();
  await page.getByTestId('privacy.import-input').setInputFiles({
    name: 'broken.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from('this is not json\n{"item":1}\n<script>alert(1)</script>\n'),
  });
  await expect(page.getByTestId('app.snackbar')).toContainText('Nothing was imported');
  await expect(page.getByTestId('app.snackbar')).toContainText('line 1: not valid JSON');
  expect(await shop.history()).toEqual(before);
  const result = await page.evaluate(async (itemId) => {
    const blob = new Blob([
      `{"user":"me","item":"${itemId}","type":"view","ts":${Date.now()}}\n{"user":"me","item":"x","type":"bogus","ts":1}\n`,
    ]);
    return window.privateRecs.importData(blob);
  }, card?.itemId ?? '');
  expect(result).toMatchObject({ imported: 1, rejected: 1 });
});
