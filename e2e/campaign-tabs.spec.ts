import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import {
  addCampaignElement,
  COFFEE,
  matchingBanner,
  RUNNING,
  shownTitle,
} from './support/campaigns';
import { Shop } from './support/shop';
import { HOSTS, isolatedFrame, WidgetShop, widgetFromOtherOrigin } from './support/widget-shop';

/** Marks the page, so a test can tell that it was never reloaded. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as { notReloaded?: boolean }).notReloaded = true;
  });
}

const stillMarked = (page: Page) =>
  page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true);

/** Two tabs of the app open on one browser, after four clicks on coffee items in the first. */
async function twoTabsLikingCoffee(context: BrowserContext): Promise<[Page, Page]> {
  const [pageA, pageB] = [await context.newPage(), await context.newPage()];
  const [a, b] = [new Shop(pageA), new Shop(pageB)];
  await Promise.all([a.open(), b.open()]);
  const ids = await a.itemsOfCategory(COFFEE.category, 4);
  await pageA.evaluate(async (ids) => {
    for (const itemId of ids) await window.privateRecs.track({ type: 'click', itemId });
  }, ids);
  return [pageA, pageB];
}

test('app: a campaign dismissed in one tab leaves the other open tab without a reload', async ({
  context,
}) => {
  const [pageA, pageB] = await twoTabsLikingCoffee(context);
  // Both tabs show the coffee campaign (each view counts one showing: two of the three a day).
  const bannerA = await matchingBanner(pageA, COFFEE.id);
  const bannerB = await matchingBanner(pageB, COFFEE.id);
  await mark(pageB);
  await expect(pageB.getByTestId('recs.grid')).toBeVisible();

  await bannerA.getByTestId('campaign.dismiss').click();
  await expect(bannerA).toHaveCount(0);
  // The other tab hears of it from its engine (told by the first tab's over BroadcastChannel).
  await expect(bannerB).toHaveCount(0);
  expect(await stillMarked(pageB)).toBe(true);
  await expect(pageB.getByTestId('recs.grid')).toBeVisible();
});

test('app: erasing everything in one tab takes the campaign chosen from that history off the other tab', async ({
  context,
}) => {
  const [pageA, pageB] = await twoTabsLikingCoffee(context);
  // Its reason names the visitor's taste ("Because you like Coffee & Tea").
  const bannerA = await matchingBanner(pageA, COFFEE.id);
  await mark(pageA);

  await pageB.evaluate(() => window.privateRecs.forget());
  await expect(bannerA).toHaveCount(0);
  expect(await stillMarked(pageA)).toBe(true);
  await expect(pageA.getByTestId('status.interactions')).toHaveText('0');
});

/**
 * Adds a campaign element until it shows `title` (a view may explore another campaign, in a
 * small seeded share of views); at most three tries.
 */
async function elementShowing(
  page: Page,
  title: string,
  isolated: boolean,
): Promise<{ element: Locator; shown: Locator }> {
  for (let view = 0; view < 3; view++) {
    const element = await addCampaignElement(page, isolated);
    const shown = isolated ? (await isolatedFrame(element)).locator('private-recs') : element;
    if (isolated) await expect.poll(() => shownTitle(shown)).not.toBe('');
    if ((await shownTitle(shown)) === title) return { element, shown };
    await element.evaluate((el) => {
      el.remove();
    });
  }
  throw new Error(`No view showed "${title}".`);
}

const dismissIn = (shown: Locator) =>
  shown.evaluate((el) => {
    el.shadowRoot?.querySelector<HTMLButtonElement>('button.dismiss')?.click();
  });

test('widget: a campaign dismissed in one tab leaves the other tab’s campaign element, inline', async ({
  context,
}) => {
  const [pageA, pageB] = [await context.newPage(), await context.newPage()];
  const [a, b] = [new WidgetShop(pageA), new WidgetShop(pageB)];
  await Promise.all([a.open(), b.open()]);
  await a.track('click', await a.itemsOfCategory(RUNNING.category, 4));
  const inA = await elementShowing(pageA, RUNNING.title, false);
  const inB = await elementShowing(pageB, RUNNING.title, false);
  await mark(pageB);

  await dismissIn(inA.shown);
  await expect(inA.element).toHaveAttribute('data-state', 'empty');
  await expect(inB.element).toHaveAttribute('data-state', 'empty');
  expect(await shownTitle(inB.element)).toBe('');
  expect(await stillMarked(pageB)).toBe(true);
});

test('widget: a campaign dismissed in one tab leaves the other tab’s isolated frame, same size', async ({
  context,
}) => {
  const [pageA, pageB] = [await context.newPage(), await context.newPage()];
  const [a, b] = [new WidgetShop(pageA, HOSTS.shop), new WidgetShop(pageB, HOSTS.shop)];
  await Promise.all([widgetFromOtherOrigin(pageA), widgetFromOtherOrigin(pageB)]);
  await Promise.all([a.open('isolated.html'), b.open('isolated.html')]);
  await a.track('click', await a.itemsOfCategory(RUNNING.category, 4));
  const inA = await elementShowing(pageA, RUNNING.title, true);
  const inB = await elementShowing(pageB, RUNNING.title, true);
  const height = (element: Locator) =>
    element.evaluate(
      (el) => el.shadowRoot?.querySelector('iframe')?.getBoundingClientRect().height,
    );
  const before = await height(inB.element);
  await mark(pageB);

  await dismissIn(inA.shown);
  await expect.poll(() => shownTitle(inA.shown)).toBe('');
  // The frame in the other tab empties its box and keeps its size: the page learns nothing.
  await expect.poll(() => shownTitle(inB.shown)).toBe('');
  expect(await height(inB.element)).toBe(before);
  await expect(inB.element).toHaveAttribute('data-state', 'ready');
  expect(await stillMarked(pageB)).toBe(true);
});
