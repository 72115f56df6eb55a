import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext } from '@playwright/test';
import { report } from './support/report';
import { record, requestList, type Recorded } from './support/sessions';
import { HOSTS, widgetFromOtherOrigin, WidgetShop } from './support/widget-shop';

/** Items of a top-level category, read here rather than by a request of the page under test. */
function itemsOf(category: string, count: number): string[] {
  const catalogue = JSON.parse(readFileSync('public/catalogue.json', 'utf8')) as {
    items: { id: string; category?: string }[];
  };
  return catalogue.items
    .filter((item) => item.category?.split('>')[0]?.trim() === category)
    .slice(0, count)
    .map((item) => item.id);
}

/**
 * A session on the example shop: load; when `category` is given, open, add to cart, buy and
 * like items of it through the shop's own code, and pick a recommendation; then reload.
 */
async function widgetSession(
  context: BrowserContext,
  file: string,
  category: string | null,
): Promise<string[]> {
  const page = await context.newPage();
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  const isolated = file === 'isolated.html';
  if (isolated) await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, isolated ? HOSTS.shop : HOSTS.widget);
  await shop.open(file);
  // Every engine has finished its background work (the text model attempt), so the two sessions
  // are compared on all they request, not on how far they got.
  const settled = async () => {
    for (const id of ['picks', 'related'] as const) {
      const strip = isolated
        ? shop.strip(id).locator('iframe').contentFrame().locator('private-recs')
        : shop.strip(id);
      await expect(strip).toHaveAttribute('data-encoder', /\S/);
    }
  };
  await settled();
  const ids = category ? itemsOf(category, 4) : [];
  for (const [i, itemId] of ids.entries()) {
    await page.evaluate((id) => {
      window.location.hash = `item=${encodeURIComponent(id)}`;
    }, itemId);
    await expect(page.getByTestId('shop.product')).toBeVisible();
    await page.getByTestId(i % 2 ? 'shop.buy' : 'shop.add-to-cart').click();
  }
  if (category) {
    await shop.track('like', ids);
    const strip = isolated
      ? page.locator('#picks').locator('iframe').contentFrame().locator('private-recs')
      : shop.strip('picks');
    await expect(strip).toHaveAttribute('data-state', 'ready');
    await strip.locator('button.item').first().click();
    await expect(page.getByTestId('shop.product')).toBeVisible();
  }
  await settled();
  await page.reload();
  // A start-up like the first open's (WidgetShop.open): the same allowance.
  await expect(shop.strip('picks')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await settled();
  expect(sockets).toEqual([]);
  await page.close();
  return ids;
}

function expectNothingLeaks(requests: readonly Recorded[], ids: readonly string[]): void {
  expect(requests.some((r) => r.url.endsWith('/catalogue.json'))).toBe(true);
  expect(requests.some((r) => /engine\.worker.*\.js/.test(r.url))).toBe(true);
  for (const r of requests) {
    expect(r.method).toBe('GET');
    expect(r.body).toBeNull();
    for (const id of ids) expect(r.url).not.toContain(id);
  }
}

for (const file of ['index.html', 'isolated.html']) {
  test(`widget (${file}): a rich history makes exactly the requests of none`, async ({
    browser,
  }) => {
    const rich = await browser.newContext();
    const empty = await browser.newContext();
    const a = record(rich);
    const b = record(empty);
    const ids = await widgetSession(rich, file, 'Books');
    await widgetSession(empty, file, null);
    expect(ids).toHaveLength(4);
    for (const requests of [a, b]) expectNothingLeaks(requests, ids);
    expect(requestList(a)).toEqual(requestList(b));
    report({
      area: 'network',
      tried: 2,
      kinds: { 'requests compared': a.length, 'history events in the rich session': 13 },
      outcome: `widget ${file === 'isolated.html' ? 'isolated' : 'inline'}: the same requests, all GET without a body, none naming an item`,
    });
    await Promise.all([rich.close(), empty.close()]);
  });
}
