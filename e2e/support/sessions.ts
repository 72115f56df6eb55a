import { expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import { Shop } from './shop';

export interface Recorded {
  method: string;
  url: string;
  body: string | null;
  /** Made by the service worker itself (to the network), not by a page or its worker. */
  byServiceWorker: boolean;
}

/** Every request of a browser context, including those of workers and the service worker. */
export function record(context: BrowserContext): Recorded[] {
  const requests: Recorded[] = [];
  context.on('request', (request: Request) => {
    requests.push({
      method: request.method(),
      url: request.url(),
      body: request.postData(),
      byServiceWorker: request.serviceWorker() !== null,
    });
  });
  return requests;
}

/**
 * A whole session with the app's default configuration: load, then (when `category` is given)
 * view, like, add to cart and buy items of that category and search for it; then reload.
 * `afterLoad` runs once the first load has started (e.g. to wait for the service worker);
 * `atHome` on the last view of the home page.
 */
export async function session(
  context: BrowserContext,
  category: string | null,
  afterLoad?: (page: Page) => Promise<void>,
  atHome?: (page: Page) => Promise<void>,
): Promise<string[]> {
  const page = await context.newPage();
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  const shop = new Shop(page);
  await page.goto('/');
  await shop.ready();
  await page.evaluate(() => window.privateRecs.internals.whenIndexed());
  await afterLoad?.(page);
  // A later visit starts with the history of the earlier ones.
  const earlier = await shop.history();
  const before = earlier.length;
  // Items this visitor has not acted on yet: pressing Like on a liked item takes the like back.
  const met = new Set(earlier.map((event) => event.itemId));
  const ids = category
    ? (await shop.itemsOfCategory(category, 4 + met.size)).filter((id) => !met.has(id)).slice(0, 4)
    : [];
  for (const [i, itemId] of ids.entries()) {
    await shop.openItem(itemId);
    await shop.press(i === 3 ? 'purchase' : i === 2 ? 'add-to-cart' : 'like');
    await expect(page.getByTestId('status.interactions')).toHaveText(String(before + (i + 1) * 2));
  }
  if (category) {
    await page.getByTestId('search.input').fill(category);
    await page.getByTestId('search.input').press('Enter');
    await shop.cards('search.results');
  }
  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  await page.reload();
  await shop.ready();
  await page.evaluate(() => window.privateRecs.internals.whenIndexed());
  await shop.goHome();
  await shop.cards();
  expect((await shop.history()).length).toBe(before + ids.length * 2);
  await atHome?.(page);
  expect(sockets).toEqual([]);
  await page.close();
  return ids;
}

/**
 * Every request, with repeats, in a stable order. A `blob:` URL (the engine worker's loader, made
 * in the page) never leaves the browser and is random each time: its id is left out.
 */
export const requestList = (requests: readonly Recorded[]) =>
  requests
    .map(
      (r) =>
        `${r.method} ${r.url.replace(/^blob:(.+\/)[0-9a-f-]{36}$/, 'blob:$1<id>')} ${r.body ?? ''}`,
    )
    .sort();

/** Histories the privacy tests compare: two rich ones of different tastes, and none. */
export const HISTORIES = ['Books', null, 'Gardening'] as const;

/** Each request list must equal the first, repeats included (so every pair is equal). */
export function expectSameRequests(lists: readonly string[][]): void {
  const [first, ...others] = lists;
  for (const other of others) expect(other).toEqual(first);
}

/** Nothing a request carries names what the visitor did: only GETs of the app's own files. */
export function expectNothingLeaks(
  requests: readonly Recorded[],
  ids: readonly string[],
  category: string,
  baseURL: string | undefined,
): void {
  // The recorder sees the worker's own fetches (the catalogue is fetched by the engine worker).
  expect(requests.some((r) => r.url.endsWith('/catalogue.json'))).toBe(true);
  expect(requests.some((r) => /engine\.worker.*\.js/.test(r.url))).toBe(true);
  for (const r of requests) {
    expect(new URL(r.url).origin).toBe(new URL(baseURL ?? '').origin);
    expect(r.method).toBe('GET');
    expect(r.body).toBeNull();
    for (const id of ids) expect(r.url).not.toContain(id);
    expect(decodeURIComponent(r.url)).not.toContain(category);
  }
}
