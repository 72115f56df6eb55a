import { expect, test, type BrowserContext } from '@playwright/test';
import { Shop } from './support/shop';
import { report } from './support/report';
import { expectNothingLeaks, record, requestList, session } from './support/sessions';

// The rest of the suite blocks service workers (playwright.config.ts); this spec needs it.
test.use({ serviceWorkers: 'allow' });

/**
 * A first visit that installs the service worker and lets it fill its caches. How many of the
 * engine's first fetches pass through it is a race with its installation, so the comparison
 * starts after it: from then on every request takes the same path.
 */
async function installed(context: BrowserContext): Promise<BrowserContext> {
  const page = await context.newPage();
  await page.goto('/');
  await new Shop(page).ready();
  await expect(page.getByTestId('pwa.offline-ready')).toBeVisible({ timeout: 60_000 });
  await page.close();
  return context;
}

test('with the service worker, a rich history makes exactly the requests of none', async ({
  browser,
  baseURL,
}) => {
  const rich = await installed(await browser.newContext());
  const empty = await installed(await browser.newContext());
  const a = record(rich);
  const b = record(empty);
  const ids = await session(rich, 'Books');
  await session(empty, null);
  expect(ids).toHaveLength(4);
  for (const requests of [a, b]) {
    expectNothingLeaks(requests, ids, 'Books', baseURL);
    // The service worker's own requests (revalidating the catalogue) are recorded too.
    expect(requests.some((r) => r.byServiceWorker && r.url.endsWith('/catalogue.json'))).toBe(true);
  }
  expect(requestList(a)).toEqual(requestList(b));
  report({
    area: 'network',
    tried: 2,
    kinds: { 'requests compared': a.length },
    outcome:
      'app with its service worker: the same requests, all GET without a body, none naming an item or search word',
  });
  await Promise.all([rich.close(), empty.close()]);
});
