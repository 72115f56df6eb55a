import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

const TRUNCATED =
  '{"schema":"private-recs/catalogue@1","id":"demo-shop","items":[{"id":"sku-0001","title":"Mu';

test('a malformed catalogue update shows an error and the app keeps the last good one', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const items = await page.getByTestId('status.items').textContent();
  const [card] = await shop.cards();

  await page.route('**/catalogue.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: TRUNCATED }),
  );
  await page.reload();
  await shop.ready();
  // The visitor reads what it means for them; the operator finds the detail under the status.
  await expect(page.getByTestId('app.notices')).toContainText(
    'you see the copy saved on this device',
  );
  await expect(page.getByTestId('app.diagnostics')).toContainText(
    'This catalogue cannot be used: it is not valid JSON',
  );
  await expect(page.getByTestId('app.diagnostics')).toContainText('Showing the copy saved on');
  await expect(page.getByTestId('status.items')).toHaveText(items ?? '');
  await expect(page.getByTestId('status.line')).toContainText('saved copy');
  expect((await shop.cards()).length).toBeGreaterThanOrEqual(10);
  await shop.openItem(card?.itemId ?? '');
  await shop.press('like');
  await expect(page.getByTestId('status.interactions')).toHaveText('2');

  // Issue 15.2: a dismissed notice stays dismissed on the next visit while it says the same.
  const fallback = page
    .getByTestId('app.notices')
    .getByText('you see the copy saved on this device');
  await page.getByTestId('app.notice-close').first().click();
  await expect(fallback).toHaveCount(0);
  await page.reload();
  await shop.ready();
  await expect(page.getByTestId('status.line')).toContainText('saved copy');
  await expect(page.getByTestId('app.diagnostics')).toContainText('Showing the copy saved on');
  await expect(fallback).toHaveCount(0);
});

test('after a good visit, a 404 or an HTML page in place of the catalogue keeps the saved copy', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const items = await page.getByTestId('status.items').textContent();
  const answers = [
    { status: 404, contentType: 'text/plain', body: 'Not found', notice: 'server answered 404' },
    {
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><p>shop</p>',
      notice: 'sent a web page',
    },
  ];
  for (const answer of answers) {
    await page.unrouteAll();
    await page.route('**/catalogue.json', (route) => route.fulfill(answer));
    await page.reload();
    await shop.ready();
    await expect(page.getByTestId('app.notices')).toContainText(
      'you see the copy saved on this device',
    );
    await expect(page.getByTestId('app.notices')).not.toContainText(answer.notice);
    await expect(page.getByTestId('app.diagnostics')).toContainText(answer.notice);
    await expect(page.getByTestId('app.diagnostics')).toContainText('Showing the copy saved on');
    await expect(page.getByTestId('status.items')).toHaveText(items ?? '');
    expect((await shop.cards()).length).toBeGreaterThanOrEqual(10);
  }
});

test('a catalogue with a wrong item falls back, naming the item and field', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open();
  const bad = JSON.stringify({
    schema: 'private-recs/catalogue@1',
    id: 'demo-shop',
    items: [
      { id: 'sku-1', title: 'Fine' },
      { id: 'sku-2', title: 7 },
    ],
  });
  await page.route('**/broken.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: bad }),
  );
  await shop.open('?catalogue=broken.json');
  await expect(page.getByTestId('app.diagnostics')).toContainText(
    'item 2 (id "sku-2"): "title" must be text, but it is a number',
  );
  expect((await shop.cards()).length).toBeGreaterThanOrEqual(10);
});

test('an unreachable catalogue on a first visit gives a clear error, not a blank page', async ({
  page,
}) => {
  // vite preview answers unknown paths with index.html and status 200, like many static hosts.
  await page.goto('/?catalogue=does-not-exist.json');
  await expect(page.getByTestId('app.failed')).toContainText('sent a web page (text/html)');
  await page.route('**/gone.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/?catalogue=gone.json');
  await expect(page.getByTestId('app.failed')).toContainText('server answered 404');
  // The status code is for the operator: folded away, not in front of the visitor.
  await expect(page.getByTestId('app.failed').getByText('server answered 404')).toBeHidden();
  await expect(page.getByTestId('app.failed')).toContainText('Please try again');
});

test('an unknown backend or model is reported, and the app still works', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open('?backend=quantum&model=Xenova/does-not-exist');
  const status = await shop.indexed();
  expect(status.semantic.state).toBe('failed');
  // Operator matters: nothing on the visitor's screen, the detail in the diagnostics panel.
  await expect(page.getByTestId('app.diagnostics')).toContainText('Unknown backend "quantum"');
  await expect(page.getByTestId('app.diagnostics')).toContainText(
    'The text model "Xenova/does-not-exist" is not installed on this site',
  );
  await expect(page.getByTestId('app.notices')).toHaveCount(0);
  await expect(page.getByTestId('status.encoder')).toHaveText('lexical');
  expect((await shop.cards()).length).toBeGreaterThanOrEqual(10);
});

test('the default path uses the default model, or says it is not installed', async ({ page }) => {
  await page.goto('/');
  const shop = new Shop(page);
  await shop.ready();
  const status = await shop.indexed();
  // CI installs only the test fixture; a developer's `npm start` may have installed MiniLM.
  if (existsSync('dist/models/Xenova/all-MiniLM-L6-v2/config.json')) {
    expect(status.semantic).toMatchObject({ state: 'ready', model: 'Xenova/all-MiniLM-L6-v2' });
    expect(status.encoder.dims).toBe(384);
  } else {
    expect(status.semantic).toMatchObject({ state: 'failed', model: 'Xenova/all-MiniLM-L6-v2' });
    await expect(page.getByTestId('app.diagnostics')).toContainText(
      'The text model "Xenova/all-MiniLM-L6-v2" is not installed on this site',
    );
    await expect(page.getByTestId('app.notices')).toHaveCount(0);
  }
  expect((await shop.cards()).length).toBeGreaterThanOrEqual(10);
});
