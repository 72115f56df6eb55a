import { expect, type BrowserContext, type Page } from '@playwright/test';
import { Shop } from './shop';

/**
 * A first visit that installs the service worker: opens the shop and waits for "Ready to work
 * offline", which the app shows once the worker controls the page and the runtime caches hold
 * what the engine loaded.
 */
export async function install(page: Page, query = '?backend=wasm'): Promise<Shop> {
  const shop = new Shop(page);
  await shop.open(query);
  await expect(page.getByTestId('pwa.offline-ready')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
  return shop;
}

/**
 * Tells the page it is offline. Under `context.setOffline(true)` Chromium keeps the network cut
 * across a reload or navigation, but the new document starts with `navigator.onLine` true and
 * gets no `offline` event (seen with Debian's Chromium 150). Turning the emulation off and on
 * again reaches the document. Call it once the page has loaded: nothing is in flight then.
 */
export async function tellPageOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
  await context.setOffline(true);
}

/** Each cache's URLs, paths only (without the origin), by cache name. */
export function cacheContents(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      out[name] = requests.map((request) => new URL(request.url).pathname);
    }
    return out;
  });
}

/** The catalogue version the engine loaded. */
export async function catalogueVersion(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    await window.privateRecs.ready();
    return (await window.privateRecs.internals.status()).catalogue.version;
  });
}
