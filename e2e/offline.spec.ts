import { readFileSync } from 'node:fs';
import { expect, test, type Response } from '@playwright/test';
import { RUNTIME_CACHES } from '../src/shared/pwa/runtime-routes';
import type { Shop } from './support/shop';
import { cacheContents, catalogueVersion, install, tellPageOffline } from './support/pwa';
import { WidgetShop, type WidgetModule } from './support/widget-shop';

// The rest of the suite blocks service workers (playwright.config.ts); these specs test it.
test.use({ serviceWorkers: 'allow' });

/** A top-level category absent from the cold-start top 10, so a shift cannot come from the prior. */
async function unshownCategory(shop: Shop): Promise<string> {
  const shown = new Set((await shop.cards()).slice(0, 10).map((card) => card.category));
  const all = await shop.page.evaluate(async () => {
    const items = await window.privateRecs.internals.items();
    return [...new Set(items.map((item) => item.category?.split('>')[0]?.trim() ?? ''))];
  });
  const target = all.find((name) => name && !shown.has(name)) ?? '';
  expect(target).not.toBe('');
  return target;
}

test('after one visit the shop opens, recommends and learns with no network', async ({
  page,
  context,
}) => {
  const shop = await install(page);
  const target = await unshownCategory(shop);
  const ids = await shop.itemsOfCategory(target, 5);
  const before = await shop.interactionCount();

  await context.setOffline(true);
  const served: Response[] = [];
  context.on('response', (response) => {
    if (/\/catalogue\.json$|\.wasm$/.test(response.url())) served.push(response);
  });
  await page.reload();
  await shop.ready();
  await tellPageOffline(context);
  await expect(page.getByTestId('pwa.offline')).toHaveText(
    'You are offline: recommendations and learning keep working on this device.',
  );
  const status = await page.evaluate(() => window.privateRecs.internals.status());
  // The engine worker's own fetches were answered by the service worker: the catalogue is not
  // the saved copy in IndexedDB and TF.js runs on WASM, with nothing to warn about.
  expect(status.catalogue.source).toBe('network');
  expect(status.backend).toBe('wasm');
  expect(status.notices).toEqual([]);
  expect(served.map((r) => new URL(r.url()).pathname)).toEqual(
    expect.arrayContaining(['/catalogue.json', expect.stringMatching(/^\/assets\/.*\.wasm$/)]),
  );
  for (const response of served) expect(response.fromServiceWorker(), response.url()).toBe(true);
  expect(await shop.cards()).not.toHaveLength(0);

  // One like on the item page, as a visitor would; four more through the public API.
  const [first = '', ...rest] = ids;
  await shop.openItem(first);
  await shop.press('like');
  await expect(page.getByTestId('status.interactions')).toHaveText(String(before + 2));
  for (const itemId of rest.slice(0, 4))
    await page.evaluate((id) => window.privateRecs.track({ type: 'like', itemId: id }), itemId);
  const trained = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(trained.interactions).toBe(before + 6);
  // The view and the five likes.
  expect(trained.learning).toMatchObject({ backend: 'wasm', trainedOn: 6, state: 'idle' });
  await shop.goHome();
  await expect
    .poll(async () => (await shop.cards()).slice(0, 10).filter((c) => c.category === target).length)
    .toBeGreaterThanOrEqual(6);
  await expect(page.getByTestId('pwa.offline')).toBeVisible();
});

test('the web app manifest is linked, served and installable', async ({ page, request }) => {
  await page.goto('/?model=lexical');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href ?? '', page.url());
  const response = await request.get(manifestUrl.href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toContain('private-recs');
  expect(manifest.short_name).toBe('private-recs');
  expect(manifest.display).toBe('standalone');
  const appRoot = new URL('./', page.url()).href;
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(appRoot);
  expect(new URL(manifest.scope, manifestUrl).href).toBe(appRoot);
  const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
  expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(pngs.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of pngs) {
    const file = await request.get(new URL(icon.src, manifestUrl).href);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    const bytes = await file.body();
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
  }
});

test('the shell is precached; data, models and runtimes are cached as used, never a web page', async ({
  page,
  context,
}) => {
  await install(page);
  const caches = await cacheContents(page);
  const precache = Object.entries(caches).find(([name]) => name.includes('precache'))?.[1] ?? [];
  for (const pattern of [
    /^\/index\.html$/,
    /^\/manifest\.webmanifest$/,
    /^\/icons\/icon-512\.png$/,
    /^\/assets\/index-.*\.js$/,
    /^\/assets\/index-.*\.css$/,
    /^\/assets\/engine\.worker-.*\.js$/,
  ])
    expect(
      precache.some((path) => pattern.test(path)),
      String(pattern),
    ).toBe(true);
  for (const path of precache) expect(path).not.toMatch(/\.json$|\.wasm$|\.map$|\/models\//);
  // The catalogue and what it ships beside it: the shop's global model.
  expect([...(caches[RUNTIME_CACHES.catalogue] ?? [])].sort()).toEqual([
    '/catalogue.head.bin',
    '/catalogue.json',
  ]);
  expect(caches[RUNTIME_CACHES.runtimes]).toEqual([expect.stringMatching(/\.wasm$/)]);

  // A static host answers a missing file with its index.html and status 200.
  await context.route('**/models/e2e/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/config.json')) return route.fulfill({ json: { model_type: 'bert' } });
    if (path.endsWith('/gone.json')) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html>' });
  });
  await context.route('**/page-not-catalogue.json', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html>' }),
  );
  const statuses = await page.evaluate(async () => {
    const paths = [
      'models/e2e/config.json',
      'models/e2e/tokenizer.json',
      'models/e2e/gone.json',
      'page-not-catalogue.json',
    ];
    return Promise.all(paths.map(async (path) => (await fetch(path)).status));
  });
  expect(statuses).toEqual([200, 200, 404, 200]);
  const after = await cacheContents(page);
  expect(after[RUNTIME_CACHES.models]).toEqual(['/models/e2e/config.json']);
  expect(after[RUNTIME_CACHES.catalogue]).toEqual(caches[RUNTIME_CACHES.catalogue]);
});

test('the catalogue is stale-while-revalidate: the cached copy now, the update on the next load', async ({
  page,
  context,
}) => {
  const catalogue = JSON.parse(readFileSync('public/catalogue.json', 'utf8')) as object;
  let version = 'first';
  // Also answers the service worker's own requests (Chromium routes them through the context).
  await context.route('**/catalogue.json', (route) =>
    route.fulfill({ json: { ...catalogue, version } }),
  );
  await install(page);
  expect(await catalogueVersion(page)).toBe('first');

  version = 'second';
  await page.reload();
  expect(await catalogueVersion(page)).toBe('first');
  // Meanwhile the service worker fetched the new version into its cache.
  await expect
    .poll(() =>
      page.evaluate(async (name) => {
        const cached = await caches.match('catalogue.json', { cacheName: name });
        return cached ? ((await cached.json()) as { version: string }).version : null;
      }, RUNTIME_CACHES.catalogue),
    )
    .toBe('second');
  await page.reload();
  expect(await catalogueVersion(page)).toBe('second');
});

test('a new version is offered, not forced, and "Reload" switches to it', async ({
  page,
  context,
}) => {
  // The installed version is the built sw.js plus a line that answers "which version are you?";
  // the built sw.js, served unchanged from then on, is the next deploy. (The browser checks for
  // updates itself, at each navigation, out of reach of routing: it sees the deploy as it is.)
  await context.route('**/sw.js', async (route) => {
    const built = await (await route.fetch()).text();
    const body = `${built}
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'E2E_VERSION') event.ports[0].postMessage('installed');
});`;
    // No validators: the update check must not be answered "304 Not Modified" from this copy.
    await route.fulfill({ status: 200, contentType: 'text/javascript', body });
  });
  const shop = await install(page);
  const ask = () =>
    page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => {
            resolve(event.data);
          };
          navigator.serviceWorker.controller?.postMessage({ type: 'E2E_VERSION' }, [channel.port2]);
        }),
    );
  const registration = () =>
    page.evaluate(async () => {
      const found = await navigator.serviceWorker.getRegistration();
      return {
        waiting: found?.waiting?.state ?? null,
        active: found?.active?.state ?? null,
        controlledByActive: navigator.serviceWorker.controller === found?.active,
      };
    });
  expect(await ask()).toBe('installed');
  await context.unroute('**/sw.js');

  // The visitor comes back after the deploy.
  await page.reload();
  await shop.ready();
  await expect(page.getByTestId('pwa.update')).toContainText('A new version of the shop is ready');
  // Offered, not forced: the new version waits; the installed one still controls the page.
  expect(await registration()).toEqual({
    waiting: 'installed',
    active: 'activated',
    controlledByActive: true,
  });
  expect(await ask()).toBe('installed');

  await Promise.all([page.waitForEvent('load'), page.getByTestId('pwa.update-button').click()]);
  await shop.ready();
  // Nothing waits any more: the waiting version became the active one, which controls the
  // reloaded page; and the check on this navigation found nothing newer to offer.
  expect(await registration()).toEqual({
    waiting: null,
    active: 'activated',
    controlledByActive: true,
  });
  await expect(page.getByTestId('pwa.update')).toHaveCount(0);
});

test('a text model and its runtime, loaded once, work with no network', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  const model = 'private-recs/tiny-bert';
  const shop = await install(page, `?model=${model}&backend=wasm`);
  expect((await shop.indexed()).encoder.id).toBe(model);
  const caches = await cacheContents(page);
  expect(caches[RUNTIME_CACHES.models]).toEqual(
    expect.arrayContaining([`/models/${model}/config.json`]),
  );
  expect(caches[RUNTIME_CACHES.runtimes]).toEqual(
    expect.arrayContaining([expect.stringMatching(/^\/assets\/ort-wasm.*\.wasm$/)]),
  );

  await context.setOffline(true);
  await page.reload();
  await shop.ready();
  const status = await shop.indexed();
  expect(status.encoder).toMatchObject({ id: model, kind: 'transformer', device: 'wasm' });
  expect(status.notices).toEqual([]);
  const results = await page.evaluate(() =>
    window.privateRecs.recommend({ count: 5, query: 'coffee grinder' }),
  );
  expect(results).toHaveLength(5);
});

test('after one visit the widget on the example shop works offline and learns', async ({
  page,
  context,
}) => {
  await install(page);
  // The shop page is in the app's scope: its page, the widget and its worker come from the
  // service worker too.
  const shop = new WidgetShop(page);
  await shop.open();
  expect(await shop.cards()).toHaveLength(8);

  await context.setOffline(true);
  await page.reload();
  // A start-up from the caches: the same allowance as the first open (WidgetShop.open).
  await expect(shop.strip('picks')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(await shop.cards()).toHaveLength(8);
  const liked = await shop.learnsFromLikes();
  const history = await page.evaluate(async (url) => {
    const widget = (await import(url)) as WidgetModule;
    return (await widget.exportData()).text();
  }, shop.widgetUrl);
  for (const itemId of liked) expect(history).toContain(`"item":"${itemId}","type":"like"`);
});
