import { expect, test, type Page } from '@playwright/test';
import { report } from './support/report';
import {
  expectNothingLeaks,
  expectSameRequests,
  HISTORIES,
  record,
  requestList,
  session,
} from './support/sessions';

// The rest of the suite blocks service workers (playwright.config.ts); this spec needs it.
test.use({ serviceWorkers: 'allow' });

/** The first visit ends only once the service worker has filled its caches. */
const offlineReady = (page: Page) =>
  expect(page.getByTestId('pwa.offline-ready')).toBeVisible({ timeout: 60_000 });

test('with the service worker, rich histories make exactly the requests of none', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const firstVisits: string[][] = [];
  const laterVisits: string[][] = [];
  for (const category of HISTORIES) {
    const context = await browser.newContext();
    const requests = record(context);
    // First visit: the service worker installs during it. Which of the engine's fetches pass
    // through it races its installation, so its own requests are left out of this comparison;
    // the page's and the engine's (the warm-up of its caches included) are all compared.
    const firstIds = await session(context, category, offlineReady);
    expectNothingLeaks(requests, firstIds, category ?? 'Books', baseURL);
    firstVisits.push(requestList(requests.filter((r) => !r.byServiceWorker)));
    // A later visit: every request takes the same path, the service worker's own included.
    requests.length = 0;
    const ids = await session(context, category);
    expectNothingLeaks(requests, ids, category ?? 'Books', baseURL);
    // The service worker's own requests (revalidating the catalogue) are recorded too.
    expect(requests.some((r) => r.byServiceWorker && r.url.endsWith('/catalogue.json'))).toBe(true);
    laterVisits.push(requestList(requests));
    await context.close();
  }
  expectSameRequests(firstVisits);
  expectSameRequests(laterVisits);
  report({
    area: 'network',
    tried: 2 * HISTORIES.length,
    kinds: { 'pairs compared': 6, 'requests per later session': laterVisits[0]?.length ?? 0 },
    outcome:
      'app with its service worker: three first visits (page and engine requests) and three later visits (all requests) made the same requests per kind of visit, repeats included, all GET without a body, none naming an item or search word',
  });
});
