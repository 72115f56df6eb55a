import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

// Issue 15.5: a first visit offers to pick a few interests; typed searches count as a weak local
// signal; both are shown and deletable on "Your data", and neither is an interaction.
test('a first visit can pick interests; searches are kept as a weak signal, shown and deletable', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const cyclingShare = async () =>
    (await shop.cards()).slice(0, 10).filter((c) => c.category === 'Cycling').length;
  const before = await cyclingShare();
  expect(before).toBeLessThanOrEqual(2);

  const panel = page.getByTestId('coldstart.panel');
  await panel
    .getByTestId('coldstart.category')
    .filter({ hasText: /^Cycling$/ })
    .click();
  await panel.getByTestId('coldstart.apply').click();
  await expect(panel).toHaveCount(0);
  await expect.poll(cyclingShare).toBeGreaterThanOrEqual(5);
  expect(await shop.interactionCount()).toBe(0);

  // A typed search is kept too (never as an interaction, never sent anywhere).
  await page.getByTestId('search.input').fill('green tea');
  await page.getByTestId('search.input').press('Enter');
  await expect(page.getByTestId('search.results')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('nav.privacy').click();
  const signals = page.getByTestId('privacy.local-signal');
  await expect(signals).toHaveCount(2);
  await expect(signals.first()).toHaveAttribute('data-text', 'green tea');
  await expect(signals.first()).toHaveAttribute('data-kind', 'search');
  await expect(signals.nth(1)).toHaveAttribute('data-text', 'Cycling');
  expect(await shop.interactionCount()).toBe(0);

  // Deleting the pick takes its lean away.
  await signals.nth(1).getByTestId('privacy.local-signal-delete').click();
  await expect(signals).toHaveCount(1);
  await shop.goHome();
  await expect.poll(cyclingShare).toBeLessThanOrEqual(before + 1);
});

test('"Not now" hides the offer for good; it is not shown once the visitor has acted', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const panel = page.getByTestId('coldstart.panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('coldstart.skip').click();
  await expect(panel).toHaveCount(0);
  await page.reload();
  await shop.ready();
  await expect(page.getByTestId('recs.grid')).toHaveAttribute('data-state', 'ready');
  await expect(panel).toHaveCount(0);
});
