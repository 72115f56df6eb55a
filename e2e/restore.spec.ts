import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { report } from './support/report';
import { Shop } from './support/shop';

const GOOD = JSON.parse(readFileSync('public/catalogue.json', 'utf8')) as {
  items: { id: string; title: string }[];
};

test('a backup restores the history about items a catalogue update renamed or removed', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  // The privacy page shows no feed, so no impressions are recorded while the backup is restored.
  await page.getByTestId('nav.privacy').click();
  await shop.impressionsSettled();
  const ids = GOOD.items.slice(0, 6).map((item) => item.id);
  const types = ['like', 'view', 'add_to_cart', 'purchase', 'click', 'dislike'] as const;
  const events = Array.from({ length: 11 }, (_, i) => ({
    type: types[i % types.length] ?? 'view',
    itemId: ids[i % ids.length] ?? '',
    ts: Date.now() - (i + 1) * 60_000,
  }));
  await page.evaluate(async (events) => {
    for (const event of events) await window.privateRecs.track(event);
  }, events);

  // The shop removes two items and renames a third: the app keeps the history about all three.
  const updated = {
    ...GOOD,
    version: 'renamed-and-removed',
    items: GOOD.items
      .filter((item) => item.id !== ids[0] && item.id !== ids[1])
      .map((item) => (item.id === ids[2] ? { ...item, id: `${item.id}-v2` } : item)),
  };
  await page.route('**/updated.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(updated) }),
  );
  const answer = await page.evaluate(() => window.privateRecs.refreshCatalogue('updated.json'));
  expect(answer).toMatchObject({ ok: true, changed: true });
  const everything = () =>
    page.evaluate(async () =>
      (await window.privateRecs.internals.history())
        .map(({ type, itemId, ts }) => ({ type, itemId, ts }))
        .sort((a, b) => a.ts - b.ts || a.itemId.localeCompare(b.itemId)),
    );
  const kept = await everything();
  expect(await shop.history()).toHaveLength(events.length);

  const restored = await page.evaluate(async () => {
    const recs = window.privateRecs;
    const backup = await recs.exportData();
    await recs.forget();
    const empty = (await recs.internals.history()).length;
    const result = await recs.importData(backup);
    return { empty, result };
  });
  expect(restored.empty).toBe(0);
  expect(restored.result).toMatchObject({ imported: kept.length, rejected: 0 });
  expect(await everything()).toEqual(kept);
  report({
    area: 'import',
    tried: 1,
    outcome: `a backup taken after a catalogue update renamed 1 and removed 2 items restored all ${events.length} engagements after forget()`,
  });
});
