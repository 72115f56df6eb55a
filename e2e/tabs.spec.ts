import { expect, test, type Page } from '@playwright/test';
import { Shop } from './support/shop';
import { report } from './support/report';

const PER_TAB = 20;

/** Fires a tab's events all at once (no awaiting in between), so both tabs' writes interleave. */
function burst(page: Page, events: { type: 'like' | 'view'; itemId: string }[]) {
  return page.evaluate((list) => Promise.all(list.map((e) => window.privateRecs.track(e))), events);
}

/** Half likes, half views, alternating, over one category's items. */
function eventsFor(ids: readonly string[]): { type: 'like' | 'view'; itemId: string }[] {
  return ids.map((itemId, i) => ({ type: i % 2 === 0 ? 'like' : 'view', itemId }));
}

test('two tabs tracking at once lose no event, and each shows the other tab’s history', async ({
  context,
}) => {
  const [pageA, pageB] = [await context.newPage(), await context.newPage()];
  const [a, b] = [new Shop(pageA), new Shop(pageB)];
  await Promise.all([a.open('?backend=wasm'), b.open('?backend=wasm')]);
  const eventsA = eventsFor(await a.itemsOfCategory('Pets', PER_TAB));
  const eventsB = eventsFor(await a.itemsOfCategory('Cycling', PER_TAB));
  expect(eventsA).toHaveLength(PER_TAB);
  expect(eventsB).toHaveLength(PER_TAB);

  await Promise.all([burst(pageA, eventsA), burst(pageB, eventsB)]);

  const expected = [...eventsA, ...eventsB].map((e) => `${e.type}|${e.itemId}`).sort();
  for (const shop of [a, b]) {
    // The other tab's events arrive by its broadcast once they are committed there: a moment
    // after its own track() calls resolved, so this waits for them (and fails if any is lost).
    await expect
      .poll(async () => (await shop.history()).map((e) => `${e.type}|${e.itemId}`).sort())
      .toEqual(expected);
    // Each tab re-reads the shared history on the other's broadcast: no reload needed.
    await expect(shop.page.getByTestId('status.interactions')).toHaveText(String(2 * PER_TAB));
  }

  // One more event in B alone, once neither tab has training under way (its end refreshes the
  // page too): A learns of it only through B's broadcast, and re-renders.
  for (const page of [pageA, pageB]) {
    await page.evaluate(() => window.privateRecs.internals.whenTrained());
  }
  const extra = { type: 'like' as const, itemId: eventsB[1]?.itemId ?? '' };
  await burst(pageB, [extra]);
  await expect(pageA.getByTestId('status.interactions')).toHaveText(String(2 * PER_TAB + 1));
  eventsB.push(extra);

  // Each tab's recommendations follow the other tab's likes too, with reasons naming them.
  const liked = (events: typeof eventsA) =>
    new Set(events.filter((e) => e.type === 'like').map((e) => e.itemId));
  for (const [shop, other, category] of [
    [a, liked(eventsB), 'Cycling'],
    [b, liked(eventsA), 'Pets'],
  ] as const) {
    await shop.page.evaluate(() => window.privateRecs.internals.whenTrained());
    const recs = await shop.page.evaluate(() => window.privateRecs.recommend({ count: 24 }));
    expect(recs.some((r) => r.reasonItemId !== undefined && other.has(r.reasonItemId))).toBe(true);
    await expect
      .poll(async () => (await shop.cards()).some((card) => card.category === category))
      .toBe(true);
  }
  report({
    area: 'tabs',
    tried: 2 * PER_TAB + 1,
    kinds: { like: PER_TAB + 1, view: PER_TAB, tabs: 2 },
    outcome: `both tabs hold all ${2 * PER_TAB} concurrent events once; the other tab refreshed on a broadcast; each tab recommends from the other's likes`,
  });
});
