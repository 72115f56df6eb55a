import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { report } from './support/report';
import { Shop } from './support/shop';
import { HOSTS, widgetFromOtherOrigin, WidgetShop } from './support/widget-shop';

const IDS = (
  JSON.parse(readFileSync('public/catalogue.json', 'utf8')) as { items: { id: string }[] }
).items.map((item) => item.id);

/** Each careless call's outcome: "ok" or the error's code (or its name when it has none). */
type Outcomes = Record<string, string>;

/** Makes the careless calls of issue 16 on `window.privateRecs` (url null) or widget.js at `url`. */
function carelessCalls(page: Page, url: string | null, ids: string[]): Promise<Outcomes> {
  return page.evaluate(
    async ({ url, ids: [kept = '', future = ''] }) => {
      type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;
      const api = (url === null ? window.privateRecs : await import(url)) as unknown as Api;
      const outcome = async (call: () => Promise<unknown>): Promise<string> => {
        try {
          await call();
          return 'ok';
        } catch (error) {
          const { code, name, message } = error as {
            code?: string;
            name?: string;
            message?: string;
          };
          // A refusal must say what to pass: a message of a few words is a failure too.
          if ((message ?? '').length < 40) return `short message: ${String(message)}`;
          return code ?? `no code (${String(name)})`;
        }
      };
      const call = (method: string, ...args: unknown[]) =>
        outcome(async () => api[method]?.(...args) ?? Promise.reject(new Error(`no ${method}`)));
      return {
        'track(null)': await call('track', null),
        'track with a function as id': await call('track', { type: 'like', itemId: () => kept }),
        'track with a function field': await call('track', {
          type: 'like',
          itemId: kept,
          onDone: () => 1,
        }),
        'track 23 h in the future': await call('track', {
          type: 'like',
          itemId: future,
          ts: Date.now() + 23 * 3_600_000,
        }),
        'recommend(null)': await call('recommend', null),
        'recommend({query: 42})': await call('recommend', { query: 42 }),
        'recommend({count: 0})': await call('recommend', { count: 0 }),
        'recommend({count: -1})': await call('recommend', { count: -1 }),
        'recommend({count: NaN})': await call('recommend', { count: NaN }),
        'recommend({count: 1e9})': await call('recommend', { count: 1e9 }),
        'importData(text)': await call('importData', '{"settings":{}}'),
        'campaign(null)': await call('campaign', null),
        'campaign({items: 99})': await call('campaign', { items: 99 }),
        'dismissCampaign(42)': await call('dismissCampaign', 42),
        'dismissCampaign(a lone surrogate)': await call('dismissCampaign', '\ud800'),
      };
    },
    { url, ids },
  );
}

/** What every surface must answer (isolated frames refuse recommend() only after checking). */
const EXPECTED: Outcomes = {
  'track(null)': 'event-invalid',
  'track with a function as id': 'event-invalid',
  'track with a function field': 'ok',
  'track 23 h in the future': 'event-invalid',
  'recommend(null)': 'argument-invalid',
  'recommend({query: 42})': 'argument-invalid',
  'recommend({count: 0})': 'argument-invalid',
  'recommend({count: -1})': 'argument-invalid',
  'recommend({count: NaN})': 'argument-invalid',
  'recommend({count: 1e9})': 'argument-invalid',
  'importData(text)': 'import-invalid',
  'campaign(null)': 'argument-invalid',
  'campaign({items: 99})': 'argument-invalid',
  'dismissCampaign(42)': 'argument-invalid',
  'dismissCampaign(a lone surrogate)': 'argument-invalid',
};

test('the app API answers careless arguments with a code and stores only the valid event', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const ids = [IDS[3] ?? '', IDS[4] ?? ''];
  expect(await carelessCalls(page, null, ids)).toEqual(EXPECTED);
  // A product page newer than the catalogue is no error: the visitor's own ranking answers.
  const forUnknownItem = await page.evaluate(() =>
    window.privateRecs.recommend({ contextItemId: 'sku-not-in-this-catalogue', count: 5 }),
  );
  expect(forUnknownItem).toHaveLength(5);
  expect((await shop.history()).map(({ type, itemId }) => `${type} ${itemId}`)).toEqual([
    `like ${ids[0]}`,
  ]);
  report({
    area: 'api',
    tried: Object.keys(EXPECTED).length,
    outcome:
      'app API: every careless argument rejected with a stable code and a message saying what to pass; only the valid event stored (a function in an unknown field is dropped)',
  });
});

test('the widget exports answer careless arguments the same way, inline and isolated', async ({
  page,
}) => {
  const inline = new WidgetShop(page);
  await inline.open();
  const ids = [IDS[5] ?? '', IDS[6] ?? ''];
  expect(await carelessCalls(page, inline.widgetUrl, ids)).toEqual(EXPECTED);
  const stored = await page.evaluate(async (url) => {
    const widget = (await import(url)) as { exportData(): Promise<Blob> };
    return (await widget.exportData()).text();
  }, inline.widgetUrl);
  expect(stored).toContain(`"item":"${ids[0]}","type":"like"`);
  // Only the refused call is checked: the strip may well show (and record an impression of) it.
  expect(stored).not.toMatch(new RegExp(`"item":"${ids[1]}","type":"(?!impression)`));

  await widgetFromOtherOrigin(page);
  const isolated = new WidgetShop(page, HOSTS.shop);
  await isolated.open('isolated.html');
  expect(await carelessCalls(page, isolated.widgetUrl, ids)).toEqual(EXPECTED);
  report({
    area: 'api',
    tried: 2 * Object.keys(EXPECTED).length,
    outcome:
      'widget.js exports (inline and isolated): every careless argument rejected with a stable code before anything reaches an engine',
  });
});
