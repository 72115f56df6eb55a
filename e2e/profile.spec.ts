import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

test('interests are shown; removing one stops its items counting; they can count again', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open('?backend=wasm');
  const books = await shop.itemsOfCategory('Books', 4);
  const pets = await shop.itemsOfCategory('Pets', 3);
  for (const itemId of [...books, ...pets]) {
    await page.evaluate((id) => window.privateRecs.track({ type: 'like', itemId: id }), itemId);
  }
  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  const personalBooks = async () =>
    (await shop.cards()).filter((c) => c.category === 'Books' && c.reason.startsWith('Because you'))
      .length;
  expect(await personalBooks()).toBeGreaterThan(0);

  await page.getByTestId('nav.privacy').click();
  const interests = page.getByTestId('privacy.interest');
  const bookInterests = interests.filter({ hasText: /^Books/ });
  await expect(interests.filter({ hasText: /^Pets/ }).first()).toBeVisible();
  const found = await bookInterests.count();
  expect(found).toBeGreaterThanOrEqual(1);
  // Books may be one interest or several (e.g. by genre): remove each of them.
  for (let left = found; left > 0; left--) {
    await bookInterests.first().getByTestId('privacy.interest-remove').click();
    await expect(bookInterests).toHaveCount(left - 1);
  }
  await expect(interests.filter({ hasText: /^Pets/ }).first()).toBeVisible();
  // The history itself is untouched: only what counts changed.
  await expect(page.getByTestId('privacy.history-row')).toHaveCount(7);

  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  await shop.goHome();
  await expect.poll(personalBooks).toBe(0);
  expect((await shop.cards()).some((c) => c.category === 'Pets')).toBe(true);

  await page.getByTestId('nav.privacy').click();
  await page.getByTestId('privacy.interests-restore').click();
  await expect(bookInterests).toHaveCount(found);
});

test('while learning is paused nothing is recorded; after resuming it is', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open();
  const [first, second] = await shop.itemsOfCategory('Pets', 2);
  await page.getByTestId('nav.privacy').click();
  await page.getByTestId('privacy.pause-button').click();
  await expect(page.getByTestId('privacy.paused-note')).toBeVisible();
  await expect(page.getByTestId('status.line')).toContainText('learning paused');

  await shop.openItem(first ?? '');
  await shop.press('like');
  // Said as it is: nothing was recorded.
  await expect(page.getByTestId('app.snackbar')).toContainText('Not recorded: learning is paused');
  expect(await shop.history()).toEqual([]);
  // Bad input is still answered while paused.
  const answer = await page.evaluate(() =>
    window.privateRecs.track({ type: 'teleport' as 'view', itemId: 'x' }).then(
      () => 'accepted',
      (error: unknown) => (error as { code?: string }).code ?? 'no code',
    ),
  );
  expect(answer).toBe('event-invalid');
  // Paused survives a reload.
  await page.reload();
  await shop.ready();
  await expect(page.getByTestId('status.line')).toContainText('learning paused');

  await page.getByTestId('nav.privacy').click();
  await page.getByTestId('privacy.pause-button').click();
  await expect(page.getByTestId('privacy.paused-note')).toHaveCount(0);
  await shop.openItem(second ?? '');
  await shop.press('like');
  await expect(page.getByTestId('status.interactions')).toHaveText('2');
  expect((await shop.history()).map((e) => e.itemId)).toEqual([second, second]);
});
