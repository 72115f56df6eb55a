/**
 * Screenshots of the demo shop for the README and docs/, written to docs/screenshots/: the home
 * page, an item page, the cart, "Your data" and the example shop's widget, each at 1280×800 and
 * 390×844 (viewport shots). The visitor of each width starts with empty storage, likes three
 * items and adds two to the cart, so every page shows some state. The production build is served
 * by `vite preview` on a free port and driven in Debian's Chromium.
 *
 *   npm run screenshots            (uses dist/; builds first when there is none)
 *   npm run screenshots -- --build (builds first in any case)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser';

const OUT = 'docs/screenshots';
const VIEWPORTS = [
  { name: '1280', width: 1280, height: 800 },
  { name: '390', width: 390, height: 844 },
] as const;

/** A port nothing listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

/** Lets layout, fonts and transitions settle before a shot. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
}

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  const path = `${OUT}/${name}.png`;
  await page.screenshot({ path });
  console.log(`${path} (${Math.round(statSync(path).size / 1024)} KB)`);
}

/** Opens an item page as a visitor would (the hash route) and waits for it. */
async function openItem(page: Page, itemId: string): Promise<void> {
  await page.evaluate((id) => {
    window.location.hash = `#/item/${encodeURIComponent(id)}`;
  }, itemId);
  await expect(page.getByTestId('item.page')).toHaveAttribute('data-item-id', itemId);
}

/** Ids of the first available items of a top-level category. */
function itemsOf(page: Page, category: string, count: number): Promise<string[]> {
  return page.evaluate(
    async ({ category, count }) =>
      (await window.privateRecs.internals.items())
        .filter(
          (item) => item.category?.split('>')[0]?.trim() === category && item.available !== false,
        )
        .slice(0, count)
        .map((item) => item.id),
    { category, count },
  );
}

async function feedReady(page: Page): Promise<void> {
  await expect(page.getByTestId('recs.grid')).toHaveAttribute('data-state', 'ready');
}

async function shoot(browser: Browser, base: string, viewport: (typeof VIEWPORTS)[number]) {
  const small = viewport.width < 600;
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    isMobile: small,
    hasTouch: small,
    locale: 'en-GB',
  });
  // tsx keeps function names with a helper the page does not have.
  await context.addInitScript('globalThis.__name = (fn) => fn');
  const page = await context.newPage();
  // The lexical encoder: no model download, the same picks on every machine.
  await page.goto(`${base}/?model=lexical`);
  await page.waitForFunction(() => typeof window.privateRecs !== 'undefined');
  await page.evaluate(() => window.privateRecs.ready());
  await feedReady(page);
  // The service worker says once that the shop now works offline; the visitor closes that.
  await page.getByTestId('pwa.dismiss').click({ timeout: 60_000 });

  // A first visit offers to pick interests; this visitor says "Not now" and shops instead.
  const skip = page.getByTestId('coldstart.skip');
  if (await skip.isVisible()) await skip.click();

  const liked = [...(await itemsOf(page, 'Kitchen', 2)), ...(await itemsOf(page, 'Cycling', 1))];
  const carted = await itemsOf(page, 'Books', 2);
  if (liked.length < 3 || carted.length < 2) {
    throw new Error('the demo catalogue lacks the categories this script uses');
  }
  for (const itemId of carted) {
    await openItem(page, itemId);
    await page.getByTestId('item.add-to-cart-button').click();
    await expect(page.getByTestId('item.standing')).not.toBeEmpty();
  }
  for (const itemId of liked) {
    await openItem(page, itemId);
    await page.getByTestId('item.like-button').click();
    await expect(page.getByTestId('item.standing')).not.toBeEmpty();
  }
  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  await shot(page, `item-${viewport.name}`);

  await page.evaluate(() => {
    window.location.hash = '#/cart';
  });
  await expect(page.getByTestId('cart.lines').locator('li')).toHaveCount(2);
  await shot(page, `cart-${viewport.name}`);

  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await feedReady(page);
  await shot(page, `home-${viewport.name}`);

  await page.evaluate(() => {
    window.location.hash = '#/privacy';
  });
  await expect(page.getByTestId('privacy.interest').first()).toBeVisible();
  // The interests the device worked out, just below the sticky header.
  await page.getByTestId('privacy.interests').evaluate((section) => {
    const header = document.querySelector('.header')?.getBoundingClientRect().height ?? 0;
    window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - header - 16);
  });
  await shot(page, `your-data-${viewport.name}`);

  // The example shop, an ordinary page built on widget.js alone, in the same origin: the widget
  // runs inline there and shares this visitor's history.
  await page.goto(`${base}/example-shop/`);
  const picks = page.locator('private-recs#picks');
  await expect(picks).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await picks.scrollIntoViewIfNeeded();
  await shot(page, `widget-${viewport.name}`);

  // A "Your data on this device" panel of the widget, where this checkout has one.
  const panelButton = picks.getByRole('button', { name: /your data/i });
  if ((await panelButton.count()) > 0) {
    await panelButton.first().click();
    await shot(page, `widget-data-${viewport.name}`);
  } else {
    console.log(`widget-data-${viewport.name}: skipped (this widget has no "Your data" panel)`);
  }
  await context.close();
}

if (process.argv.includes('--build') || !existsSync('dist/index.html')) {
  console.log('Building the app first (npm run build)…');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
mkdirSync(OUT, { recursive: true });
const port = await freePort();
const server = await preview({ preview: { port, strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const viewport of VIEWPORTS) await shoot(browser, `http://localhost:${port}`, viewport);
} finally {
  await browser.close();
  await server.close();
}
