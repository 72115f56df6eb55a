import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

// Issue 15.2: messages do not pile up over the content (one at a time, the others wait their
// turn), can be dismissed, and do not follow the visitor to another page.
test('one message at a time, dismissible, and gone when the visitor leaves the page', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const [first] = await shop.itemsOfCategory('Pets', 1);
  await shop.openItem(first ?? '');
  const snackbar = page.getByTestId('app.snackbar');
  const messages = snackbar.locator('.snackbar-message');

  await shop.press('like');
  await expect(snackbar).toContainText('Liked');
  await shop.press('add-to-cart');
  // The newer message waits its turn (the one shown gives way sooner): never two at once.
  await expect(messages).toHaveCount(1);
  await expect(snackbar).toContainText('cart');
  await expect(messages).toHaveCount(1);
  await expect(snackbar).not.toContainText('Liked');

  await page.getByTestId('app.snackbar-close').click();
  await expect(messages).toHaveCount(0);

  await shop.press('like');
  await expect(messages).toHaveCount(1);
  await page.getByTestId('nav.privacy').click();
  await expect(page.getByTestId('privacy.history-row').first()).toBeVisible();
  await expect(messages).toHaveCount(0);
});
