import { expect, test } from '@playwright/test';
import { probeIsolated } from './support/probe';
import {
  HOSTS,
  isolatedFrame,
  storageBlocked,
  readCards,
  widgetFromOtherOrigin,
  WidgetShop,
  type WidgetModule,
} from './support/widget-shop';

test('the example shop renders `count` recommendations in shadow DOM, keyboard first', async ({
  page,
}) => {
  const shop = new WidgetShop(page);
  await shop.open();
  expect(await shop.cards('picks')).toHaveLength(8);
  await expect(shop.strip('picks').locator('.title')).toHaveText('Picked for you');
  // Light DOM stays empty: the strip lives in the element's shadow root.
  expect(await shop.strip('picks').evaluate((el) => el.children.length)).toBe(0);

  // One tab stop for the strip; arrows move between cards; Enter picks.
  const buttons = shop.strip('picks').locator('button.item');
  await buttons.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(buttons.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(buttons.nth(7)).toBeFocused();
  expect(
    await buttons.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).tabIndex)),
  ).toEqual([-1, -1, -1, -1, -1, -1, -1, 0]);
  const picked = await buttons.nth(7).getAttribute('data-item-id');
  await page.keyboard.press('Enter');
  // The shop navigates on the select event: its product page shows, with a context strip.
  await expect(page.getByTestId('shop.product')).toBeVisible();
  await expect(shop.strip('related')).toHaveAttribute('context-item', picked ?? '');
  expect(await readCards(shop.strip('related'))).toHaveLength(4);
});

test('track() from the shop page changes what the widget recommends', async ({ page }) => {
  const shop = new WidgetShop(page);
  await shop.open();
  expect(await shop.learnsFromLikes()).toHaveLength(5);
});

test('a query attribute focuses the strip on matching items; changing it updates the strip', async ({
  page,
}) => {
  const shop = new WidgetShop(page);
  await shop.open();
  const strip = shop.strip('picks');
  await strip.evaluate((el) => {
    el.setAttribute('query', 'espresso coffee grinder');
    el.setAttribute('count', '6');
  });
  await expect.poll(async () => (await readCards(strip)).map((c) => c.category)).toHaveLength(6);
  const coffee = (await readCards(strip)).filter((card) => card.category === 'Coffee & Tea');
  expect(coffee.length).toBeGreaterThanOrEqual(5);
  await strip.evaluate((el) => {
    el.setAttribute('query', 'running shoes trail');
  });
  await expect
    .poll(async () => (await readCards(strip)).filter((c) => c.category === 'Running').length)
    .toBeGreaterThanOrEqual(5);
});

test('picking a recommendation fires private-recs:select with its id, after storing the click', async ({
  page,
}) => {
  const shop = new WidgetShop(page);
  await shop.open();
  await page.evaluate(() => {
    const w = window as unknown as { picks: string[] };
    w.picks = [];
    document.addEventListener('private-recs:select', (event) => {
      w.picks.push((event as CustomEvent<{ itemId: string }>).detail.itemId);
    });
  });
  const [first, second] = await shop.cards();
  await shop.strip('picks').locator(`button[data-item-id="${second?.itemId}"]`).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { picks: string[] }).picks))
    .toEqual([second?.itemId]);
  expect(first?.itemId).not.toBe(second?.itemId);
  const history = await page.evaluate(async (url) => {
    const widget = (await import(url)) as WidgetModule;
    return (await widget.exportData()).text();
  }, shop.widgetUrl);
  expect(history).toContain(`"item":"${second?.itemId}","type":"click"`);
});

test('theme custom properties and ::part() style the widget from the page', async ({ page }) => {
  const shop = new WidgetShop(page);
  await shop.open();
  const price = shop.strip('picks').locator('.price').first();
  // shop.css sets the accent and styles the title part.
  await expect(price).toHaveCSS('color', 'rgb(107, 62, 38)');
  await expect(shop.strip('picks').locator('.title')).toHaveCSS('font-variant-caps', 'small-caps');
  await shop.strip('picks').evaluate((el) => {
    el.style.setProperty('--private-recs-accent', 'rgb(0, 90, 200)');
    el.style.setProperty('--private-recs-radius', '0px');
  });
  await expect(price).toHaveCSS('color', 'rgb(0, 90, 200)');
  await expect(shop.strip('picks').locator('button.item').first()).toHaveCSS(
    'border-top-left-radius',
    '0px',
  );
  // The widget's styles stay inside: the shop's own buttons keep theirs.
  await expect(page.getByTestId('shop.add-to-cart')).toHaveCSS('border-top-left-radius', '6px');
});

test('bad attributes get a clear answer, and the page keeps working', async ({ page }) => {
  const shop = new WidgetShop(page);
  await shop.open();
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const broken = page.locator('private-recs#broken');
  await page.evaluate(() => {
    const element = document.createElement('private-recs');
    element.id = 'broken';
    document.body.append(element);
  });
  await expect(broken).toHaveAttribute('data-state', 'error');
  // The visitor reads what it means; the shop's developer reads the detail on the console.
  await expect(broken.locator('.message')).toHaveText(
    'Recommendations are unavailable: this page has not set them up correctly.',
  );
  expect(warnings.join('\n')).toContain('Set the catalogue attribute to the catalogue URL.');
  // Fixing the attribute starts it.
  await broken.evaluate((el) => {
    el.setAttribute('catalogue', '../catalogue.json');
    el.setAttribute('count', 'lots');
  });
  expect(await readCards(broken)).toHaveLength(8);
  expect(warnings.join('\n')).toContain('count="lots" is not a whole number from 1 to 48');
  await expect(shop.strip('picks')).toHaveAttribute('data-state', 'ready');
});

test('served from another origin, the widget starts its worker there and works', async ({
  page,
}) => {
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open();
  expect(await shop.cards()).toHaveLength(8);
  expect(await shop.learnsFromLikes()).toHaveLength(5);
});

test('isolated mode: the shop page sends events in but cannot read the history back', async ({
  page,
}) => {
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open('isolated.html');
  const frame = await isolatedFrame(shop.strip('picks'));
  expect(new URL(frame.url()).origin).toBe(HOSTS.widget);
  const picks = frame.locator('private-recs');
  expect(await readCards(picks)).toHaveLength(8);
  // The frame learns from the events the page sends in.
  const liked = await shop.learnsFromLikes(picks);

  // Everything a page script could try, from the shop's origin.
  const attempt = await page.evaluate(async (url) => {
    const widget = (await import(url)) as WidgetModule;
    const refused = async (call: () => Promise<unknown>) =>
      call().then(
        () => 'answered',
        (error: unknown) => (error as { code?: string }).code ?? String(error),
      );
    const element = document.querySelector('#picks');
    const iframe = element?.shadowRoot?.querySelector('iframe');
    let frameDocument: string;
    try {
      frameDocument = iframe?.contentWindow?.document ? 'readable' : 'none';
    } catch (error) {
      frameDocument = (error as Error).name;
    }
    return {
      ready: await widget.ready(),
      recommend: await refused(() => widget.recommend()),
      exportData: await refused(() => widget.exportData()),
      frameDocument,
      contentDocument: iframe?.contentDocument === null ? 'null' : 'readable',
      databases: (await indexedDB.databases()).map((db) => db.name),
      shadowText: element?.shadowRoot?.textContent ?? '',
    };
  }, shop.widgetUrl);
  expect(attempt.recommend).toBe('widget-isolated');
  expect(attempt.exportData).toBe('widget-isolated');
  expect(attempt.frameDocument).toBe('SecurityError');
  expect(attempt.contentDocument).toBe('null');
  expect(attempt.databases).not.toContain('private-recs');
  expect(attempt.ready.interactions).toBe(0);
  for (const itemId of liked) expect(attempt.shadowText).not.toContain(itemId);

  // The history is there, in the frame's origin, where only the widget can read it.
  const inside = await frame.evaluate(async () => {
    const widget = (await import(new URL('widget.js', location.href).href)) as WidgetModule;
    return (await widget.exportData()).text();
  });
  // Both strips' frames got each event and share this site's database: stored once.
  for (const itemId of liked) {
    expect(inside.split(`"item":"${itemId}","type":"like"`)).toHaveLength(2);
  }

  // Partitioned storage (Chrome's default): the frame keeps the history for this shop site.
  expect(await storageBlocked(frame)).toBe(false);
  await expect(picks.locator('.footer')).not.toContainText('keeps nothing');

  // Picks still reach the shop, which navigates. (The card is found again by its item: the strip
  // may re-render in between, after the head's training, with another item first.)
  const itemId = await picks.locator('button.item').first().getAttribute('data-item-id');
  await picks.locator(`button.item[data-item-id="${itemId ?? ''}"]`).click();
  await expect(page.getByTestId('shop.product')).toBeVisible();
  expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('item')).toBe(itemId);
});

test('isolated mode: a host probing with its own catalogue learns nothing of the history', async ({
  browser,
}) => {
  const seen: { states: string[]; height: string }[] = [];
  let itemId = '';
  for (const engaged of [false, true]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await widgetFromOtherOrigin(page);
    const shop = new WidgetShop(page, HOSTS.shop);
    await shop.open('isolated.html');
    itemId ||=
      (await readCards((await isolatedFrame(shop.strip('picks'))).locator('private-recs')))[0]
        ?.itemId ?? '';
    // Bought and disliked: the feed leaves it out, so the probe has nothing to show.
    if (engaged) await shop.track('purchase', [itemId]);
    if (engaged) await shop.track('dislike', [itemId]);
    seen.push(await probeIsolated(page, itemId));
    await context.close();
  }
  expect(seen[0]?.height).not.toBe('');
  expect(seen[1]).toEqual(seen[0]);
});

test('isolated mode: the frame answers only its few requests, with checked arguments', async ({
  page,
}) => {
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open('isolated.html');
  // A host script opens its own channel to a frame and tries what Comlink would have allowed.
  const answers = await page.evaluate(async (frameUrl) => {
    const frame = document.createElement('iframe');
    frame.src = frameUrl;
    document.body.append(frame);
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
    });
    const channel = new MessageChannel();
    frame.contentWindow?.postMessage({ type: 'private-recs:connect' }, new URL(frameUrl).origin, [
      channel.port2,
    ]);
    const replies: unknown[] = [];
    channel.port1.onmessage = (event) => replies.push(event.data);
    const send = (message: unknown) => {
      channel.port1.postMessage(message);
    };
    send({ id: 1, type: 'SET', path: ['__proto__', 'image'], value: { type: 'RAW', value: 'x' } });
    send({ id: 2, method: '__proto__', args: [] });
    send({ id: 3, method: 'constructor', args: [] });
    send({ id: 4, method: 'track', args: [{ type: 'like', itemId: { toString: 1 } }] });
    send({ id: 5, method: 'start', args: [{ catalogue: ['x'] }, {}] });
    send({ id: 6, method: 'exportData', args: [] });
    // Five of the six messages get an answer (the first is not a request at all).
    while (replies.length < 5) await new Promise((resolve) => setTimeout(resolve, 50));
    return { replies, polluted: 'image' in Object.prototype };
  }, `${HOSTS.widget}/widget-frame.html`);
  expect(answers.polluted).toBe(false);
  const byId = new Map(
    (answers.replies as { id: number; ok: boolean; error?: { code: string } }[]).map((r) => [
      r.id,
      r,
    ]),
  );
  // The Comlink-style message is not a request at all; every other one is refused.
  expect(byId.has(1)).toBe(false);
  for (const id of [2, 3, 4, 5, 6]) {
    expect(byId.get(id)).toMatchObject({ ok: false, error: { code: 'widget-isolated' } });
  }
});
