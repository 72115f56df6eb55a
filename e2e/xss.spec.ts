import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { report } from './support/report';
import { Shop } from './support/shop';
import { isolatedFrame, readCards, WidgetShop } from './support/widget-shop';

/** Markup and script payloads a hostile or careless catalogue could carry; each sets a flag if run. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<script>window.__xss=(window.__xss||0)+1</script>',
  '"><svg onload="window.__xss=(window.__xss||0)+1">',
  '\'><iframe srcdoc="<script>parent.__xss=1</script>">',
  '{{constructor.constructor("window.__xss=1")()}}',
  '</style><style>*{display:none!important}</style>',
  '&lt;b&gt;entity&lt;/b&gt;',
  'javascript:window.__xss=1',
];

/** The demo catalogue with payloads in the titles, descriptions, categories, tags and links. */
function hostileCatalogue(): string {
  const catalogue = JSON.parse(readFileSync('public/catalogue.json', 'utf8')) as {
    items: { title: string; description?: string; category?: string }[];
  };
  catalogue.items = catalogue.items.map((item, i) => {
    // The others get a real image, so the widget's images mode has something to show.
    if (i % 3 !== 0) return { ...item, image: '../icons/icon-192.png' };
    const payload = PAYLOADS[(i / 3) % PAYLOADS.length] ?? '';
    return {
      ...item,
      title: `${item.title} ${payload}`,
      description: `${payload} ${item.description ?? ''}`,
      category: `${item.category ?? ''} ${payload}`,
      tags: [payload],
      url: 'javascript:window.__xss=1',
      image: 'javascript:window.__xss=1',
    };
  });
  return JSON.stringify(catalogue);
}

/** Ids of items that carry a payload (every third one). */
function hostileIds(count: number): string[] {
  const catalogue = JSON.parse(readFileSync('public/catalogue.json', 'utf8')) as {
    items: { id: string }[];
  };
  return catalogue.items
    .filter((_, i) => i % 3 === 0)
    .slice(0, count)
    .map((item) => item.id);
}

async function serveHostile(page: Page): Promise<void> {
  const body = hostileCatalogue();
  await page.route('**/hostile.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
}

/** Nothing ran, and no element a payload describes was created. */
async function expectInert(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => ({
      flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
      // Elements a payload would create, anywhere, shadow roots included.
      injected: [
        document,
        ...[...document.querySelectorAll('*')].flatMap((e) => e.shadowRoot ?? []),
      ]
        .map(
          (root) =>
            root.querySelectorAll(
              'svg[onload], img[onerror], iframe[srcdoc], body script:not([src])',
            ).length,
        )
        .reduce((a, b) => a + b, 0),
    }));
    expect(found).toEqual({ flag: null, injected: 0 });
  }
}

test('catalogue text renders as text in the app: titles, reasons, search, item and privacy pages', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await serveHostile(page);
  const shop = new Shop(page);
  await shop.open('?catalogue=hostile.json');
  // Open and like hostile items so they show up in reasons, interests and the history.
  for (const itemId of hostileIds(3)) {
    await shop.openItem(itemId);
    await expect(page.getByTestId('item.page')).toContainText(
      /<(img|script|svg|iframe|\/style)|\{\{|&lt;|javascript:/,
    );
    await shop.press('like');
  }
  await shop.goHome();
  const titled = page.locator('[data-testid="recs.card"] .card-title', { hasText: '<' });
  await expect(titled.first()).toBeVisible();
  expect(await titled.first().textContent()).toMatch(/<(img|script|svg|iframe|\/style)|\{\{/);
  await page.evaluate(() => {
    window.location.hash = `#/search?q=${encodeURIComponent('<img src=x onerror="window.__xss=1"> tea')}`;
  });
  await expect(page.getByRole('heading', { name: /Results for/ })).toContainText(
    '<img src=x onerror="window.__xss=1">',
  );
  await page.evaluate(() => {
    window.location.hash = '#/privacy';
  });
  await expect(page.getByTestId('privacy.history-row').first()).toBeVisible();
  await expectInert(page);
  expect(dialogs).toEqual([]);
  report({
    area: 'xss',
    tried: PAYLOADS.length,
    kinds: { 'fields per item': 6, 'hostile items': Math.ceil(1217 / 3), 'app views': 5 },
    outcome: 'rendered as text in the app; nothing ran, no element created, no dialog',
  });
});

test('catalogue text renders as text in the widget, inline and isolated', async ({ page }) => {
  await serveHostile(page);
  await page.route('**/example-shop/*.html', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replaceAll('../catalogue.json', '../hostile.json');
    await route.fulfill({ response, body: html });
  });
  const shop = new WidgetShop(page);
  await shop.open();
  const cards = await shop.cards();
  expect(cards).toHaveLength(8);
  // The widget shows images only when asked; a javascript: image is never used even then.
  await shop.strip('picks').evaluate((el) => {
    el.setAttribute('images', '');
  });
  const images = shop.strip('picks').locator('img');
  await expect(images.first()).toBeVisible();
  for (const src of await images.evaluateAll((nodes) =>
    nodes.map((n) => (n as HTMLImageElement).src),
  ))
    expect(src).toMatch(/^http:\/\/localhost:\d+\/icons\/icon-192\.png$/);
  await shop.track('like', hostileIds(3));
  // Reasons quote the liked titles, payloads and all, as text.
  await expect
    .poll(async () => (await shop.cards()).some((c) => /<|\{\{|&lt;|javascript:/.test(c.reason)))
    .toBe(true);
  await expectInert(page);

  await shop.open('isolated.html');
  const inFrame = await readCards(
    (await isolatedFrame(shop.strip('picks'))).locator('private-recs'),
  );
  expect(inFrame).toHaveLength(8);
  await expectInert(page);
  report({
    area: 'xss',
    tried: PAYLOADS.length,
    kinds: { 'fields per item': 6, 'widget modes': 2 },
    outcome: 'rendered as text in the widget, inline and isolated; javascript: images refused',
  });
});
