import { expect, test, type Page } from '@playwright/test';
import { Shop } from './support/shop';

/**
 * Replaces the browser's answers about storage persistence (Chromium decides alone, from site
 * engagement, so the real answer is not under the test's control) and counts the requests.
 */
async function browserSays(page: Page, answer: 'grants' | 'refuses' | 'has no StorageManager') {
  await page.addInitScript((answer) => {
    const counted = window as unknown as { persistRequests: number };
    counted.persistRequests = 0;
    if (answer === 'has no StorageManager') {
      Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined });
      return;
    }
    let granted = false;
    Object.assign(navigator.storage, {
      persisted: () => Promise.resolve(granted),
      persist: () => {
        counted.persistRequests += 1;
        granted = answer === 'grants';
        return Promise.resolve(granted);
      },
    });
  }, answer);
}

const requests = (page: Page) =>
  page.evaluate(() => (window as unknown as { persistRequests: number }).persistRequests);

async function firstItem(shop: Shop): Promise<string> {
  const [card] = await shop.cards();
  expect(card).toBeDefined();
  return card?.itemId ?? '';
}

test('the first like asks the browser to keep the data; a refusal is explained', async ({
  page,
}) => {
  await browserSays(page, 'refuses');
  const shop = new Shop(page);
  await shop.open('', '#/privacy');
  const section = page.getByTestId('privacy.storage');
  await expect(section).toHaveAttribute('data-state', 'best-effort');
  await expect(section).toContainText('may clear your history');
  await expect(page.getByTestId('privacy.storage-usage')).toContainText('This site uses');
  // Nothing is asked on load, nor for a mere view.
  await shop.goHome();
  await shop.openItem(await firstItem(shop));
  expect(await requests(page)).toBe(0);

  await shop.press('like');
  await expect(page.getByTestId('app.snackbar')).toContainText(
    'Your browser may clear your history and learned preferences if this device runs short of space. To keep a copy, export it from the privacy page.',
  );
  await shop.press('add-to-cart');
  await expect(page.getByTestId('app.snackbar')).toContainText('Added to your cart');
  expect(await requests(page)).toBe(1);

  await page.evaluate(() => {
    window.location.hash = '#/privacy';
  });
  await expect(section).toHaveAttribute('data-state', 'denied');
  await expect(section).toContainText('The browser declined to keep your data');
  // The visitor may ask again from the privacy page.
  await page.getByTestId('privacy.storage-persist').click();
  await expect.poll(() => requests(page)).toBe(2);

  // Issue 15.2: a later visit asks the browser again, but the warning was said once: every
  // message of this visit is recorded, and none is the warning.
  await page.reload();
  await shop.ready();
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const snackbar = document.querySelector('[data-testid="app.snackbar"]');
    if (!snackbar) throw new Error('no snackbar');
    new MutationObserver(() => {
      seen.push(snackbar.textContent);
    }).observe(snackbar, { childList: true, subtree: true, characterData: true });
  });
  await shop.goHome();
  const [, second] = await shop.cards();
  await shop.openItem(second?.itemId ?? '');
  await shop.press('like');
  await expect.poll(() => requests(page)).toBe(1);
  await expect(page.getByTestId('app.snackbar')).toContainText('Liked');
  await page.getByTestId('app.snackbar-close').click();
  await expect(page.getByTestId('app.snackbar').locator('.snackbar-message')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.join(' ')).toContain('Liked');
  expect(seen.join(' ')).not.toContain('may clear');
});

test('granted persistence is shown as kept, with no warning', async ({ page }) => {
  await browserSays(page, 'grants');
  const shop = new Shop(page);
  await shop.open();
  await shop.openItem(await firstItem(shop));
  await shop.press('purchase');
  await expect(page.getByTestId('app.snackbar')).toContainText('Bought');
  await page.evaluate(() => {
    window.location.hash = '#/privacy';
  });
  const section = page.getByTestId('privacy.storage');
  await expect(section).toHaveAttribute('data-state', 'persisted');
  await expect(section).toContainText('Kept for good');
  await expect(page.getByTestId('privacy.storage-persist')).toHaveCount(0);
  await expect(page.getByTestId('app.snackbar')).not.toContainText('may clear');
  expect(await requests(page)).toBe(1);
});

test('without a StorageManager the visitor is told the browser cannot promise to keep data', async ({
  page,
}) => {
  await browserSays(page, 'has no StorageManager');
  const shop = new Shop(page);
  await shop.open();
  await shop.openItem(await firstItem(shop));
  await shop.press('like');
  await expect(page.getByTestId('app.snackbar')).toContainText(
    'This browser cannot promise to keep your history',
  );
  await page.evaluate(() => {
    window.location.hash = '#/privacy';
  });
  const section = page.getByTestId('privacy.storage');
  await expect(section).toHaveAttribute('data-state', 'unsupported');
  await expect(section).toContainText('Export your data above to keep a copy');
});
