import { expect, test, type Locator } from '@playwright/test';
import {
  addCampaignElement,
  COFFEE,
  matchingBanner,
  RUNNING,
  shownTitle,
  type CampaignModule,
} from './support/campaigns';
import { Shop } from './support/shop';
import { HOSTS, isolatedFrame, WidgetShop, widgetFromOtherOrigin } from './support/widget-shop';

test('app: the home page shows the campaign that fits the clicks; dismissed, it is gone for good', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  // A new visitor: the demo's popular items fit no campaign.
  await expect(page.getByTestId('recs.grid')).toBeVisible();
  await expect(page.getByTestId('campaign.banner')).toHaveCount(0);
  const ids = await shop.itemsOfCategory(COFFEE.category, 4);
  await page.evaluate(async (ids) => {
    for (const itemId of ids) await window.privateRecs.track({ type: 'click', itemId });
  }, ids);
  const banner = await matchingBanner(page, COFFEE.id);
  await expect(page.getByTestId('campaign.reason')).toHaveText(
    `Because you like ${COFFEE.category}`,
  );
  await expect(banner.getByTestId('campaign.card')).not.toHaveCount(0);
  await page.getByTestId('campaign.dismiss').click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await shop.ready();
  await expect(page.getByTestId('recs.grid')).toBeVisible();
  // Never again, in the page or through the API, whatever else may show.
  const again = await page.evaluate(async () => {
    const seen: (string | null)[] = [];
    for (let i = 0; i < 5; i++) seen.push((await window.privateRecs.campaign())?.id ?? null);
    return seen;
  });
  expect(again).not.toContain(COFFEE.id);
  await expect(page.locator(`[data-campaign-id="${COFFEE.id}"]`)).toHaveCount(0);
});

test('widget: campaign mode inline shows the fitting campaign and hides it on dismiss', async ({
  page,
}) => {
  const shop = new WidgetShop(page);
  await shop.open();
  await shop.track('click', await shop.itemsOfCategory(RUNNING.category, 4));
  const element = await addCampaignElement(page, false);
  await expect(element).toHaveAttribute('data-state', 'ready');
  const title = await shownTitle(element);
  const chosen = await page.evaluate(async (url) => {
    const widget = (await import(url)) as CampaignModule;
    return widget.campaign();
  }, shop.widgetUrl);
  // The element's view and a second view: one is the fitting campaign unless both explored.
  expect(title === RUNNING.title || chosen?.id === RUNNING.id).toBe(true);
  await element.evaluate((el) => {
    el.shadowRoot?.querySelector<HTMLButtonElement>('button.dismiss')?.click();
  });
  await expect(element).toHaveAttribute('data-state', 'empty');
});

test('widget: isolated campaign mode keeps one size and tells the host nothing', async ({
  page,
}) => {
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open('isolated.html');
  const before = await addCampaignElement(page, true);
  const frameHeight = (element: Locator) =>
    element.evaluate(
      (el) => el.shadowRoot?.querySelector('iframe')?.getBoundingClientRect().height,
    );
  // A new visitor: no campaign fits; the frame keeps its slot all the same.
  const frame = await isolatedFrame(before);
  const inner = frame.locator('private-recs');
  await expect(inner).toHaveAttribute('data-state', 'ready');
  expect(await shownTitle(inner)).toBe('');
  const emptyHeight = await frameHeight(before);
  await shop.track('click', await shop.itemsOfCategory(RUNNING.category, 4));
  const after = await addCampaignElement(page, true);
  const filled = (await isolatedFrame(after)).locator('private-recs');
  await expect.poll(() => shownTitle(filled)).not.toBe('');
  expect(await frameHeight(after)).toBe(emptyHeight);
  const attempt = await page.evaluate(async (url) => {
    const widget = (await import(url)) as CampaignModule;
    return widget.campaign().then(
      () => 'answered',
      (error: unknown) => (error as { code?: string }).code ?? String(error),
    );
  }, shop.widgetUrl);
  expect(attempt).toBe('widget-isolated');
  // The host sees the frame and nothing of the campaign's words.
  const hostText = await after.evaluate((el) => el.shadowRoot?.textContent ?? '');
  expect(hostText).not.toContain(await shownTitle(filled));
});
