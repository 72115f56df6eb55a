import { expect, test, type BrowserContext, type Request } from '@playwright/test';
import { Shop } from './support/shop';

interface Recorded {
  method: string;
  url: string;
  body: string | null;
}

function record(context: BrowserContext): Recorded[] {
  const requests: Recorded[] = [];
  context.on('request', (request: Request) => {
    requests.push({ method: request.method(), url: request.url(), body: request.postData() });
  });
  return requests;
}

/** A whole session: browse, view, like, cart, buy and search within one category, then reload. */
async function session(context: BrowserContext, category: string): Promise<string[]> {
  const page = await context.newPage();
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  const shop = new Shop(page);
  await shop.open();
  const ids = await shop.itemsOfCategory(category, 4);
  for (const [i, itemId] of ids.entries()) {
    await shop.openItem(itemId);
    await shop.press(i === 3 ? 'purchase' : i === 2 ? 'add-to-cart' : 'like');
    await expect(page.getByTestId('status.interactions')).toHaveText(String((i + 1) * 2));
  }
  await page.getByTestId('search.input').fill(category);
  await page.getByTestId('search.input').press('Enter');
  await shop.cards('search.results');
  await page.reload();
  await shop.ready();
  await shop.goHome();
  await shop.cards();
  expect((await shop.history()).length).toBe(8);
  expect(sockets).toEqual([]);
  await page.close();
  return ids;
}

const signature = (requests: readonly Recorded[]) =>
  [...new Set(requests.map((r) => `${r.method} ${r.url} ${r.body ?? ''}`))].sort();

test('two sessions with different histories make the same requests, none carrying the history', async ({
  browser,
}) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = record(first);
  const b = record(second);
  const categories = ['Books', 'Pets'] as const;
  const idsA = await session(first, categories[0]);
  const idsB = await session(second, categories[1]);
  expect(idsA).toHaveLength(4);
  expect(idsB).toHaveLength(4);

  for (const requests of [a, b]) {
    // The recorder sees the worker's own fetches (the catalogue is fetched by the engine worker).
    expect(requests.some((r) => r.url.endsWith('/catalogue.json'))).toBe(true);
    expect(requests.some((r) => /engine\.worker.*\.js/.test(r.url))).toBe(true);
    for (const r of requests) {
      expect(r.method).toBe('GET');
      expect(r.body).toBeNull();
      for (const id of [...idsA, ...idsB]) expect(r.url).not.toContain(id);
      for (const word of categories) expect(decodeURIComponent(r.url)).not.toContain(word);
    }
  }
  expect(signature(a)).toEqual(signature(b));
  await Promise.all([first.close(), second.close()]);
});
