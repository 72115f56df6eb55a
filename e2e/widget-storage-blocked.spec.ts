import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser';
import {
  HOSTS,
  isolatedFrame,
  storageBlocked,
  widgetFromOtherOrigin,
  WidgetShop,
  type WidgetModule,
} from './support/widget-shop';

// Playwright's own defaults switch storage partitioning off, so cross-site frames get no storage
// at all: the situation of browsers that block third-party storage outright.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } });

test('isolated mode where cross-site frames get no storage: in memory, said, and learning', async ({
  page,
}) => {
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open('isolated.html');
  const picks = (await isolatedFrame(shop.strip('picks'))).locator('private-recs');
  expect(await storageBlocked(await isolatedFrame(shop.strip('picks')))).toBe(true);
  await expect(picks.locator('.footer')).toContainText(
    'This browser keeps nothing for this widget: it starts afresh on each page.',
  );
  const liked = await shop.learnsFromLikes(picks);
  // Each frame has its own memory, and the events reached both strips' frames.
  for (const id of ['picks', 'related'] as const) {
    const frame = await isolatedFrame(shop.strip(id));
    const history = await frame.evaluate(async () => {
      const widget = (await import(new URL('widget.js', location.href).href)) as WidgetModule;
      return (await widget.exportData()).text();
    });
    for (const itemId of liked) expect(history).toContain(`"item":"${itemId}","type":"like"`);
  }
});
