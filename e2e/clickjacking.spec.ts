import { expect, test, type Frame, type Page } from '@playwright/test';
import {
  isolatedFrame,
  readCards,
  widgetFromOtherOrigin,
  WidgetShop,
  HOSTS,
  type WidgetModule,
} from './support/widget-shop';
import { report } from './support/report';

/** The frame's stored clicks, read inside the widget's origin (the shop page cannot). */
function storedClicks(frame: Frame): Promise<number> {
  return frame.evaluate(async () => {
    const widget = (await import(new URL('widget.js', location.href).href)) as WidgetModule;
    const text = await (await widget.exportData()).text();
    return text.split('"type":"click"').length - 1;
  });
}

/** Counts `private-recs:select` events on the shop page and keeps it from navigating. */
async function countSelects(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    (window as unknown as { selects: number }).selects = 0;
    document.addEventListener(
      'private-recs:select',
      (event) => {
        (window as unknown as { selects: number }).selects += 1;
        event.stopImmediatePropagation();
      },
      { capture: true },
    );
  });
  return () => page.evaluate(() => (window as unknown as { selects: number }).selects);
}

// Issue 16.5: a page that hides the isolated frame over a decoy must not get the visitor's top
// pick from one ordinary click, nor store a click the visitor never meant.
test('isolated mode: a transparent or covered frame over a decoy gives no pick and stores no click', async ({
  page,
}) => {
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open('isolated.html');
  const frame = await isolatedFrame(shop.strip('picks'));
  const picks = frame.locator('private-recs');
  expect(await readCards(picks)).toHaveLength(8);
  const selects = await countSelects(page);
  const card = picks.locator('button.item').first();
  const box = await card.boundingBox();
  if (!box) throw new Error('the first card has no box');
  const clickCard = () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const before = await storedClicks(frame);

  // A decoy under a transparent frame: the visitor sees and clicks the decoy.
  await page.evaluate(() => {
    const strip = document.querySelector<HTMLElement>('#picks');
    if (strip) strip.style.opacity = '0';
  });
  await page.waitForTimeout(1_000);
  await clickCard();
  // A visible frame covered by a decoy that lets clicks through.
  await page.evaluate(() => {
    const strip = document.querySelector<HTMLElement>('#picks');
    if (!strip) return;
    strip.style.opacity = '1';
    const rect = strip.getBoundingClientRect();
    const cover = document.createElement('div');
    cover.id = 'cover';
    Object.assign(cover.style, {
      position: 'fixed',
      left: `${rect.left}px`,
      top: `${rect.top}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
      background: 'white',
      pointerEvents: 'none',
      zIndex: '10',
    });
    document.body.append(cover);
  });
  await page.waitForTimeout(1_000);
  await clickCard();
  await page.waitForTimeout(500);
  expect(await selects()).toBe(0);
  expect(await storedClicks(frame)).toBe(before);

  // Uncovered and on screen for a while: the same click is a pick again.
  await page.evaluate(() => document.querySelector('#cover')?.remove());
  await page.waitForTimeout(1_000);
  await clickCard();
  await expect.poll(selects).toBe(1);
  expect(await storedClicks(frame)).toBe(before + 1);
  report({
    area: 'Clickjacking the isolated widget: a decoy under a transparent frame, and under a cover that lets clicks through',
    tried: 2,
    kinds: { 'transparent frame': 1, 'covered frame': 1 },
    outcome:
      'no private-recs:select reached the page and no click was stored; once uncovered and visible for 500 ms the same click was a pick',
  });
});
