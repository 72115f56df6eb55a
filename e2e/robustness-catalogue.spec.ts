import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { badCatalogues, countByKind, generatedCatalogue } from '../test/generators/bad-catalogues';
import { messageProblems } from '../test/generators/plain-message';
import { watchErrors } from './support/errors';
import { storeKeys } from './support/idb';
import { report } from './support/report';
import { Shop } from './support/shop';

const GOOD = readFileSync('public/catalogue.json', 'utf8');

test('the error watch sees console errors, uncaught errors and unhandled rejections of the worker', async ({
  page,
}) => {
  const watch = watchErrors(page);
  await new Shop(page).open();
  // A worker of the page's own (the engine worker is replaced when it throws, which races the
  // report of its error): the watch must see what any worker of the page reports.
  await page.evaluate(() => {
    const source = `console.error('probe: console error');
      void Promise.reject(new Error('probe: unhandled rejection'));
      setTimeout(() => { throw new Error('probe: uncaught error'); }, 0);`;
    new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  });
  await expect.poll(() => watch.errors.length).toBeGreaterThanOrEqual(3);
  expect(watch.errors.join('\n')).toContain('console error: probe: console error');
  expect(watch.errors.join('\n')).toContain('uncaught: probe: unhandled rejection');
  expect(watch.errors.join('\n')).toContain('uncaught: probe: uncaught error');
});

test('every malformed catalogue update is refused in plain words; the good catalogue stays in use', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const watch = watchErrors(page);
  const shop = new Shop(page);
  await shop.open();
  const before = await page.evaluate(async () => {
    const status = await window.privateRecs.internals.status();
    const items = await window.privateRecs.internals.items();
    return { catalogue: status.catalogue, ids: items.map((item) => item.id) };
  });
  const itemsText = await page.getByTestId('status.items').textContent();
  const goodIds = new Set(before.ids);
  const cases = badCatalogues(GOOD);
  await page.route('**/bad-catalogue/*.json', (route) => {
    const index = Number(/(\d+)\.json$/.exec(route.request().url())?.[1]);
    const c = cases[index];
    if (!c) return route.fulfill({ status: 500, body: `no case ${index}` });
    const body = c.body();
    return route.fulfill({
      status: c.status,
      contentType: c.contentType,
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
  });

  const failures: string[] = [];
  for (const [index, c] of cases.entries()) {
    const seen = await page.evaluate(async (url) => {
      const { internals } = window.privateRecs;
      const answer = await internals.refreshCatalogue(url);
      const status = await internals.status();
      const recs = await window.privateRecs.recommend({ count: 5 });
      const shown = document.querySelector('[data-testid="status.items"]')?.textContent ?? '';
      return { answer, catalogue: status.catalogue, recs: recs.map((r) => r.itemId), shown };
    }, `bad-catalogue/${index}.json`);
    const problems: string[] = [];
    if (seen.answer.ok) problems.push('accepted');
    else {
      problems.push(...messageProblems(seen.answer.message));
      if (!c.mentions.test(seen.answer.message)) problems.push(`does not match ${c.mentions}`);
    }
    if (JSON.stringify(seen.catalogue) !== JSON.stringify(before.catalogue)) {
      problems.push(`the catalogue in use changed to ${JSON.stringify(seen.catalogue)}`);
    }
    if (seen.shown !== itemsText) problems.push(`the page shows "${seen.shown}"`);
    if (seen.recs.length !== 5 || !seen.recs.every((id) => goodIds.has(id))) {
      problems.push(`recommendations: ${seen.recs.join(',')}`);
    }
    if (problems.length > 0) {
      const said = seen.answer.ok ? '' : ` — said: ${seen.answer.message}`;
      failures.push(`${c.kind} / ${c.name}: ${problems.join('; ')}${said}`);
    }
  }
  expect(failures).toEqual([]);
  expect(watch.errors).toEqual([]);
  console.log(
    `${cases.length} malformed catalogues refused; browser network logs of refused downloads: ${watch.networkLogs}`,
  );

  // The shop still shows the good catalogue, and no refused catalogue was kept as a fallback.
  await expect(page.getByTestId('status.items')).toHaveText(itemsText ?? '');
  const cards = await shop.cards();
  expect(cards.length).toBeGreaterThanOrEqual(10);
  expect(cards.every((card) => goodIds.has(card.itemId))).toBe(true);
  expect(
    (await storeKeys(page, 'catalogues')).filter((key) => key.includes('bad-catalogue')),
  ).toEqual([]);

  // A good update still goes through: the page follows it (item titles, version).
  const updated = JSON.parse(GOOD) as { version: string; items: { id: string; title: string }[] };
  updated.version = 'robust-2';
  const first = updated.items[0];
  if (first) first.title = 'Renamed after two hundred refusals';
  await page.route('**/updated-catalogue.json', (route) => route.fulfill({ json: updated }));
  const answer = await page.evaluate(() =>
    window.privateRecs.refreshCatalogue('updated-catalogue.json'),
  );
  expect(answer).toEqual({
    ok: true,
    id: 'demo-shop',
    version: 'robust-2',
    items: before.ids.length,
    changed: true,
  });
  await shop.openItem(first?.id ?? '');
  await expect(page.getByTestId('item.page')).toContainText('Renamed after two hundred refusals');
  expect(watch.errors).toEqual([]);

  report({
    area: 'catalogue',
    tried: cases.length,
    kinds: countByKind(cases),
    outcome:
      'every malformed update refused with a plain message naming the fault; the good catalogue, the page and recommendations unchanged; no crash, no unhandled rejection; a good update afterwards applied',
  });
});

test('a valid 100,000-item catalogue swaps in and out; an unchanged one rebuilds nothing', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const watch = watchErrors(page);
  const shop = new Shop(page);
  await shop.open();
  const big = generatedCatalogue(100_000);
  await page.route('**/big-catalogue.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: big }),
  );
  const swap = await page.evaluate(async () => {
    const start = performance.now();
    const answer = await window.privateRecs.refreshCatalogue('big-catalogue.json');
    const ms = Math.round(performance.now() - start);
    const recs = await window.privateRecs.recommend({ count: 10, query: 'garden' });
    return { answer, ms, recs: recs.map((r) => r.itemId) };
  });
  console.log(`a 100,000-item catalogue downloaded, validated and swapped in in ${swap.ms} ms`);
  expect(swap.answer).toMatchObject({ ok: true, id: 'big-shop', items: 100_000, changed: true });
  expect(swap.recs).toHaveLength(10);
  await expect(page.getByTestId('status.items')).toHaveText(/100,000 items/);

  const again = await page.evaluate(() => window.privateRecs.refreshCatalogue());
  expect(again).toMatchObject({ ok: true, items: 100_000, changed: false });

  const back = await page.evaluate(() => window.privateRecs.refreshCatalogue('catalogue.json'));
  expect(back).toMatchObject({ ok: true, id: 'demo-shop', items: 1217, changed: true });
  await expect(page.getByTestId('status.items')).toHaveText('1,217 items');
  // The items and the recommendations are reloaded one after the other (two events).
  await expect.poll(async () => (await shop.cards()).length).toBeGreaterThanOrEqual(10);
  expect(watch.errors).toEqual([]);
});
