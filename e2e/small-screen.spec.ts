import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

test.describe('on a 320 px phone screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('nothing spills sideways, and the end of the page is not under the status line', async ({
    page,
  }) => {
    const shop = new Shop(page);
    await shop.open();
    // The search box shrinks so that its button stays on screen.
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const button = await page.locator('form[role="search"] button').boundingBox();
    expect(button).not.toBeNull();
    expect((button?.x ?? 0) + (button?.width ?? 0)).toBeLessThanOrEqual(320);
    // The status line stays one row (it wrapped to three, about 85 px) and scrolls sideways.
    const line = page.getByTestId('status.line');
    const row = await line.evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      fontSize: parseFloat(getComputedStyle(element).fontSize),
      scrolls: element.scrollWidth > element.clientWidth,
    }));
    expect(row.height, 'one row').toBeLessThan(3 * row.fontSize);
    expect(row.scrolls, 'the rest is a sideways scroll away').toBe(true);
    // Also by keyboard: the line takes focus, and the arrow keys scroll it.
    await line.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => line.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await expect(line).toHaveAccessibleName(/recommender/);
    // Scrolled to the end, the page's last part (the catalogue's "Show more") ends above it.
    await page.evaluate(() => {
      window.scrollTo(0, document.body.scrollHeight);
    });
    const status = await line.boundingBox();
    const last = await page.locator('main > :last-child').boundingBox();
    expect(status && last).toBeTruthy();
    expect((last?.y ?? 0) + (last?.height ?? 0)).toBeLessThanOrEqual(status?.y ?? 0);
  });
});
