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

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.describe('on a 390 × 844 phone screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a long message covers neither the header nor the status line', async ({
    page,
  }, testInfo) => {
    const shop = new Shop(page);
    await shop.open('', '#/privacy');
    // The longest message the app says: an import with rejected lines, each named with why.
    const lines = [
      '{"user":"me","item":"sku-0001","type":"like","ts":1764000000000}',
      'not json',
      '{"item":"x"}',
      '{"user":"me","item":"sku-0002","type":"teleport","ts":1764000000000}',
      '{"user":"me","item":"sku-0003","type":"view","ts":1}',
      '[1,2]',
      '{"user":"me","type":"view","ts":1764000000000}',
    ];
    await page.getByTestId('privacy.import-input').setInputFiles({
      name: 'mixed.jsonl',
      mimeType: 'text/plain',
      buffer: Buffer.from(lines.join('\n')),
    });
    const message = page.locator('.snackbar-message');
    await expect(message).toContainText('Imported 1 interaction; 6 lines rejected');
    const box = async (selector: string): Promise<Box> => {
      const found = await page.locator(selector).first().boundingBox();
      if (!found) throw new Error(`${selector} is not on screen.`);
      return found;
    };
    // At the top of the page, then scrolled down with the header stuck to the top.
    for (const at of ['top', 'scrolled'] as const) {
      if (at === 'scrolled') {
        await page.evaluate(() => {
          window.scrollTo(0, document.body.scrollHeight);
        });
        await expect.poll(async () => (await box('header.header')).y).toBe(0);
      }
      await testInfo.attach(`snackbar-390-${at}.png`, {
        body: await page.screenshot(),
        contentType: 'image/png',
      });
      const shown = await box('.snackbar-message');
      expect(overlaps(shown, await box('header.header')), `header, ${at}`).toBe(false);
      expect(overlaps(shown, await box('.status-line')), `status line, ${at}`).toBe(false);
      expect(shown.x).toBeGreaterThanOrEqual(0);
      expect(shown.x + shown.width).toBeLessThanOrEqual(390);
    }
    // Still readable to the end and dismissible.
    await page.getByTestId('app.snackbar-close').click();
    await expect(message).toHaveCount(0);
  });
});
