import { expect, test, type Page } from '@playwright/test';
import { report } from './support/report';
import { Shop } from './support/shop';
import {
  HOSTS,
  isolatedFrame,
  readCards,
  widgetFromOtherOrigin,
  WidgetShop,
} from './support/widget-shop';

/** Collects Content-Security-Policy violations in every frame of the page, from the first script. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { violations: string[] }).violations = list;
    document.addEventListener('securitypolicyviolation', (event) => {
      list.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  return async () => {
    const all: string[] = [];
    for (const frame of page.frames()) {
      all.push(
        ...(await frame.evaluate(
          () => (window as unknown as { violations?: string[] }).violations ?? [],
        )),
      );
    }
    return all;
  };
}

test('the app runs under its policy with no violation, and asks nothing of another origin', async ({
  page,
}) => {
  const violations = await recordViolations(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const shop = new Shop(page);
  await shop.open('?backend=wasm');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("connect-src 'self';");
  expect(policy).toContain("default-src 'self'");
  // Normal use: browse, like, search, the privacy page.
  const [card] = await shop.cards();
  await shop.openItem(card?.itemId ?? '');
  await shop.press('like');
  await page.evaluate(() => window.privateRecs.internals.whenTrained());
  await page.evaluate(() => {
    window.location.hash = '#/search?q=coffee';
  });
  await expect(page.getByTestId('search.results')).toBeVisible();
  expect(await violations()).toEqual([]);
  const origins = new Set(
    requests.filter((url) => url.startsWith('http')).map((url) => new URL(url).origin),
  );
  expect([...origins]).toEqual([new URL(page.url()).origin]);

  // A script of the page cannot reach another origin.
  const attempt = await page.evaluate(
    (url) =>
      fetch(url).then(
        () => 'fetched',
        (error: unknown) => String(error),
      ),
    `${HOSTS.shop}/catalogue.json`,
  );
  expect(attempt).toContain('Failed to fetch');
  expect(await violations()).toEqual([`connect-src ${HOSTS.shop}/catalogue.json`]);
  report({
    area: 'csp',
    tried: requests.length + 1,
    kinds: { 'requests in normal use': requests.length, 'cross-origin fetch by a page script': 1 },
    outcome:
      'no violation in normal use, every request to the own origin; the cross-origin fetch was blocked',
  });
});

test('the engine worker is held to the same policy: it cannot fetch from another origin', async ({
  page,
}) => {
  // The page answers `?catalogue=` on another site with its own catalogue (docs/privacy.md); a catalogue
  // update goes to the worker as it is. Allowed by CORS, so only the policy stands in the way.
  const shop = new Shop(page);
  await shop.open();
  const answer = await page.evaluate(
    (url) => window.privateRecs.refreshCatalogue(url),
    `${HOSTS.shop}/catalogue.json`,
  );
  expect(answer).toMatchObject({ ok: false, code: 'catalogue-unreachable' });
  expect(answer.ok ? '' : answer.message).toContain('could not be downloaded');
  const direct = await page.request.get(`${HOSTS.shop}/catalogue.json`, {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(direct.headers()['access-control-allow-origin']).toBeTruthy();
  report({
    area: 'csp',
    tried: 1,
    kinds: { 'cross-origin catalogue fetched by the engine worker': 1 },
    outcome:
      'blocked by the policy the worker inherits (CORS would have allowed it); a plain error shown',
  });
});

test('the isolated widget frame runs under its own policy, open only to the shop catalogue', async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open('isolated.html');
  const frame = await isolatedFrame(shop.strip('picks'));
  expect(await readCards(frame.locator('private-recs'))).toHaveLength(8);
  const policies = await frame.evaluate(() =>
    [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map(
      (meta) => (meta as HTMLMetaElement).content,
    ),
  );
  expect(policies).toHaveLength(2);
  expect(policies[0]).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policies[1]).toBe(`connect-src 'self' ${HOSTS.shop}`);
  const attempt = await frame.evaluate(() =>
    fetch('http://127.0.0.2:9/').then(
      () => 'fetched',
      (error: unknown) => String(error),
    ),
  );
  expect(attempt).toContain('Failed to fetch');
  expect(await violations()).toEqual(['connect-src http://127.0.0.2:9/']);
  report({
    area: 'csp',
    tried: 1,
    kinds: { 'fetch to a third origin from the widget frame': 1 },
    outcome: 'blocked; the frame connects only to its own origin and the shop catalogue',
  });
});
