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
  // Recording what was shown is silent: it must not refresh (and so reshuffle) the list it
  // records, which would record more, and so on.
  const changes = await page.evaluate(async () => {
    let count = 0;
    const listener = () => (count += 1);
    window.privateRecs.addEventListener('change', listener);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    window.privateRecs.removeEventListener('change', listener);
    return count;
  });
  expect(changes).toBe(0);
  expect(await impressions(page)).toHaveLength(shown.length);
  // Engagement is counted apart: the status line still says 0 interactions; the count of
  // impressions the privacy page shows follows the store all the same.
  await expect(page.getByTestId('status.interactions')).toHaveText('0');
  await page.getByTestId('nav.privacy').click();
  await expect(page.getByTestId('privacy.impressions')).toContainText(
    `${shown.length} impressions`,
  );
  await shop.goHome();

  // A reload within the interval shows the same items and records nothing new.
  await page.reload();
  await shop.ready();
  await shop.cards();
  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(await impressions(page)).toHaveLength(shown.length);

  // After interactions, training takes the skipped items as negative examples: five likes (the
  // fewest the head trains on) alone would make 5 positives and 20 sampled negatives.
  const targets = await shop.itemsOfCategory('Pets', 5);
  for (const id of targets) {
    await page.evaluate((itemId) => window.privateRecs.track({ type: 'like', itemId }), id);
  }
  const status = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(status.impressions).toBeGreaterThanOrEqual(shown.length);
  const { examples = 0, held = 0 } = status.learning.last ?? {};
  expect(examples + held).toBeGreaterThan(25);

  await page.getByTestId('nav.privacy').click();
  const recorded = (await impressions(page)).length;
  await expect(page.getByTestId('privacy.impressions')).toContainText(`${recorded} impressions`);
  await expect(page.getByTestId('privacy.history-row')).toHaveCount(5);
  await page.getByTestId('privacy.impressions-delete').click();
  // Not "20 impressions", which contains "0 impressions" too.
  await expect(page.getByTestId('privacy.impressions')).toContainText(/(?<!\d)0 impressions/);
  expect(await impressions(page)).toEqual([]);
  expect((await shop.history()).map((e) => e.itemId).sort()).toEqual([...targets].sort());
});
