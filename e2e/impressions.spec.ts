import { expect, test, type Page } from '@playwright/test';
import { Shop } from './support/shop';

const impressions = (page: Page) =>
  page.evaluate(async () =>
    (await window.privateRecs.internals.history()).filter((e) => e.type === 'impression'),
  );

test('the feed records what it showed, once per visit, and skipped items count against', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const shown = (await shop.cards()).map((c) => c.itemId);
  await expect
    .poll(async () => (await impressions(page)).map((e) => e.itemId).sort())
    .toEqual([...shown].sort());
  // Engagement is counted apart: the status line still says 0 interactions.
  await expect(page.getByTestId('status.interactions')).toHaveText('0');

  // A reload within the interval shows the same items and records nothing new.
  await page.reload();
  await shop.ready();
  await shop.cards();
  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(await impressions(page)).toHaveLength(shown.length);

  // After an interaction, training takes the skipped items as negative examples: one like alone
  // would make 1 positive and 4 sampled negatives.
  const target = (await shop.itemsOfCategory('Pets', 1))[0] ?? '';
  await page.evaluate((id) => window.privateRecs.track({ type: 'like', itemId: id }), target);
  const status = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(status.impressions).toBeGreaterThanOrEqual(shown.length);
  expect(status.learning.last?.examples).toBeGreaterThan(shown.length);

  await page.getByTestId('nav.privacy').click();
  const recorded = (await impressions(page)).length;
  await expect(page.getByTestId('privacy.impressions')).toContainText(`${recorded} impressions`);
  await expect(page.getByTestId('privacy.history-row')).toHaveCount(1);
  await page.getByTestId('privacy.impressions-delete').click();
  await expect(page.getByTestId('privacy.impressions')).toContainText('0 impressions');
  expect(await impressions(page)).toEqual([]);
  expect((await shop.history()).map((e) => e.itemId)).toEqual([target]);
});
