import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { addCampaignElement, RUNNING, shownTitle } from './support/campaigns';
import { DataPanelView } from './support/data-panel';
import {
  HOSTS,
  isolatedFrame,
  readCards,
  widgetFromOtherOrigin,
  WidgetShop,
  type WidgetModule,
} from './support/widget-shop';

const ENGAGEMENTS = new Set(['view', 'click', 'add_to_cart', 'purchase', 'like', 'dislike']);

/** The example shop inline: the strip and its panel in the page's own shadow DOM. */
async function inlineShop(page: Page): Promise<{ shop: WidgetShop; strip: Locator }> {
  const shop = new WidgetShop(page);
  await shop.open();
  return { shop, strip: shop.strip('picks') };
}

/** The example shop in isolated mode, the widget on another origin: the strip in its frame. */
async function isolatedShop(
  page: Page,
): Promise<{ shop: WidgetShop; strip: Locator; frame: Frame }> {
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open('isolated.html');
  const frame = await isolatedFrame(shop.strip('picks'));
  return { shop, strip: frame.locator('private-recs'), frame };
}

/** Eight items of a category the strip does not show yet (likes then move it). */
async function itemsToTrack(shop: WidgetShop, strip: Locator): Promise<string[]> {
  const shown = new Set((await readCards(strip)).map((card) => card.category));
  const target = (await shop.categories()).find((name) => name && !shown.has(name)) ?? '';
  const items = await shop.itemsOfCategory(target, 8);
  expect(items).toHaveLength(8);
  return items;
}

/**
 * The visitor's whole round trip through the panel: counts, pause (an event sent while paused is
 * not stored), resume, export (the file holds the events), erase with confirm (counts at 0, the
 * strip back to popular items), Escape. `isolated.whenPaused` waits for every frame to know.
 */
async function roundTrip(
  page: Page,
  shop: WidgetShop,
  strip: Locator,
  isolated: { whenPaused: () => Promise<void> } | null,
): Promise<void> {
  const [l1, l2, l3, v1, v2, bought, whilePaused, afterResume] = await itemsToTrack(shop, strip);
  await shop.track('like', [l1, l2, l3] as string[]);
  await shop.track('view', [v1, v2] as string[]);
  await shop.track('purchase', [bought as string]);

  const panel = new DataPanelView(page, strip);
  await panel.open();
  await panel.expectCounts({ total: 6, like: 3, view: 2, purchase: 1, click: 0, dislike: 0 });
  await expect(panel.part('data-where')).toHaveText(/storage, for this site only/);

  await panel.setPaused(true);
  await isolated?.whenPaused();
  await shop.track('like', [whilePaused as string]);
  await panel.setPaused(false);
  await shop.track('like', [afterResume as string]);
  await panel.expectCounts({ total: 7, like: 4 });

  const { name, lines } = await panel.export();
  expect(name).toMatch(/^private-recs-\d{4}-\d{2}-\d{2}\.jsonl$/);
  await expect(panel.part('data-message')).toContainText(`Your browser is saving ${name}`);
  // The file stays on offer, for a browser that did not count the download as the visitor's.
  await expect(panel.part('data-save')).toHaveAttribute('download', name);
  // In the frame, the panel says what a page that forbids its downloads would cause.
  const frameNote = expect(panel.part('data-message'));
  if (isolated) await frameNote.toContainText('If no file appears');
  else await frameNote.not.toContainText('If no file appears');
  const stored = lines.filter((line) => ENGAGEMENTS.has(line.type ?? ''));
  expect(stored).toHaveLength(7);
  expect(stored.filter((line) => line.item === afterResume)).toEqual([
    expect.objectContaining({ type: 'like' }),
  ]);
  expect(stored.some((line) => line.item === whilePaused)).toBe(false);
  expect(stored.filter((line) => line.type === 'purchase').map((line) => line.item)).toEqual([
    bought,
  ]);

  // Personal now; erasing brings the cold start back.
  await expect
    .poll(async () => (await readCards(strip)).some((card) => !card.reason.startsWith('Popular')), {
      timeout: 30_000,
    })
    .toBe(true);
  await panel.erase();
  await panel.expectCounts({ total: 0, like: 0, view: 0, purchase: 0 });
  await expect
    .poll(async () => (await readCards(strip)).map((card) => card.reason.startsWith('Popular')), {
      timeout: 30_000,
    })
    .toEqual(Array.from({ length: 8 }, () => true));

  await panel.closeWithEscape();
}

test('inline: the data panel shows the counts, pauses, exports and erases', async ({ page }) => {
  const { shop, strip } = await inlineShop(page);
  await roundTrip(page, shop, strip, null);
});

test('isolated: the data panel works inside the frame, and the host cannot read it', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const { shop, strip } = await isolatedShop(page);
  const related = (await isolatedFrame(shop.strip('related'))).locator('private-recs');
  // Events go to both frames of the page: the other one must have heard of the pause too.
  const whenPaused = async () => {
    const other = new DataPanelView(page, related);
    await other.link.evaluate((link: HTMLElement) => {
      if (link.getAttribute('aria-expanded') !== 'true') link.click();
    });
    await expect(other.part('data-learning')).toContainText('Learning is paused');
  };

  const panel = new DataPanelView(page, strip);
  await panel.open();
  await expect(panel.count('total')).toHaveText('0');
  const seen = await page.evaluate(async (url) => {
    const widget = (await import(url)) as WidgetModule;
    const element = document.querySelector('#picks');
    const iframe = element?.shadowRoot?.querySelector('iframe');
    let frameDocument: string;
    try {
      frameDocument = iframe?.contentWindow?.document ? 'readable' : 'none';
    } catch (error) {
      frameDocument = (error as Error).name;
    }
    return {
      frameDocument,
      contentDocument: iframe?.contentDocument === null ? 'null' : 'readable',
      shadowText: element?.shadowRoot?.textContent ?? '',
      pageText: document.body.innerText,
      exportData: await widget.exportData().then(
        () => 'answered',
        (error: unknown) => (error as { code?: string }).code ?? String(error),
      ),
    };
  }, shop.widgetUrl);
  expect(seen.frameDocument).toBe('SecurityError');
  expect(seen.contentDocument).toBe('null');
  expect(seen.exportData).toBe('widget-isolated');
  for (const text of [seen.shadowText, seen.pageText]) {
    expect(text).not.toContain('Interactions stored');
    expect(text).not.toContain('Your data on this device');
  }
  await panel.closeWithEscape();

  await roundTrip(page, shop, strip, { whenPaused });
});

/** The frame's height as the host applied it, once it equals the frame's own body height. */
async function hostHeight(shop: WidgetShop, frame: Frame): Promise<number> {
  const body = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await expect(shop.strip('picks').locator('iframe')).toHaveCSS('height', `${body}px`);
  return body;
}

test('isolated: with the panel open the frame height is the same whatever the history', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const heights: { closed: number; open: number }[] = [];
  for (const engaged of [false, true]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { shop, strip, frame } = await isolatedShop(page);
    const items = engaged ? await itemsToTrack(shop, strip) : [];
    await shop.track('like', items.slice(0, 4));
    await shop.track('purchase', items.slice(4));
    const closed = await hostHeight(shop, frame);
    const panel = new DataPanelView(page, strip);
    await panel.open();
    await panel.expectCounts({ total: items.length });
    heights.push({ closed, open: await hostHeight(shop, frame) });
    await context.close();
  }
  // Opening shows (the visitor's own act); what the panel holds does not.
  expect(heights[0]?.open).toBeGreaterThan(heights[0]?.closed ?? Infinity);
  expect(heights[1]).toEqual(heights[0]);
});

test('campaign mode inline: the data panel under the campaign counts, and erasing takes the campaign away', async ({
  page,
}) => {
  const shop = new WidgetShop(page);
  await shop.open();
  const clicked = await shop.itemsOfCategory(RUNNING.category, 4);
  await shop.track('click', clicked);
  const element = await addCampaignElement(page, false);
  await expect(element).toHaveAttribute('data-state', 'ready');
  expect(await shownTitle(element)).not.toBe('');

  const panel = new DataPanelView(page, element);
  await expect(panel.link).toHaveText('Your data on this device');
  await panel.open();
  await panel.expectCounts({ total: clicked.length, click: clicked.length, like: 0 });
  await panel.setPaused(true);
  await panel.setPaused(false);
  const { lines } = await panel.export();
  expect(lines.filter((line) => line.type === 'click').map((line) => line.item)).toEqual(clicked);

  // A new visitor again: the campaign chosen from the erased clicks goes (none fits the
  // popular items of the demo), and the panel stays open with its answer.
  await panel.erase();
  await panel.expectCounts({ total: 0, click: 0 });
  await expect(element).toHaveAttribute('data-state', 'empty');
  expect(await shownTitle(element)).toBe('');
  await expect(panel.panel).toBeVisible();
  // Closed, focus goes back to the link, which stays for the visitor who just used it.
  await panel.closeWithEscape();
});

test('campaign mode isolated: the data panel lives in the frame, one size whatever it holds', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open('isolated.html');
  const heightOf = async (element: Locator, frame: Frame) => {
    const body = await frame.evaluate(() =>
      Math.ceil(document.body.getBoundingClientRect().height),
    );
    await expect(element.locator('iframe')).toHaveCSS('height', `${body}px`);
    return body;
  };
  /** Opens the panel of a new campaign element; returns its heights closed and open. */
  const openPanel = async (total: number) => {
    const element = await addCampaignElement(page, true);
    const frame = await isolatedFrame(element);
    const inner = frame.locator('private-recs');
    await expect(inner).toHaveAttribute('data-state', 'ready');
    const closed = await heightOf(element, frame);
    const panel = new DataPanelView(page, inner);
    await panel.open();
    await panel.expectCounts({ total });
    return { element, inner, panel, closed, open: await heightOf(element, frame) };
  };

  // A new visitor (no campaign), then one with clicks (a campaign): the same sizes.
  const before = await openPanel(0);
  expect(await shownTitle(before.inner)).toBe('');
  const clicked = await shop.itemsOfCategory(RUNNING.category, 4);
  await shop.track('click', clicked);
  const after = await openPanel(clicked.length);
  await expect.poll(() => shownTitle(after.inner)).not.toBe('');
  expect(after.open).toBeGreaterThan(after.closed);
  expect({ closed: after.closed, open: after.open }).toEqual({
    closed: before.closed,
    open: before.open,
  });

  // The host reaches neither the panel nor what it says.
  const hostText = await page.evaluate(() =>
    [...document.querySelectorAll('private-recs')]
      .map((el) => el.shadowRoot?.textContent ?? '')
      .concat(document.body.innerText)
      .join(' '),
  );
  expect(hostText).not.toContain('Your data on this device');
  expect(hostText).not.toContain('Interactions stored');

  await after.panel.erase();
  await after.panel.expectCounts({ total: 0 });
  await expect.poll(() => shownTitle(after.inner)).toBe('');
  await after.panel.closeWithEscape();
});
