import { expect, test } from '@playwright/test';
import { generatedCatalogue } from '../test/generators/bad-catalogues';
import { Shop } from './support/shop';

// A shop of ordinary size (issue 13): 100,000 items, ranked in two stages (a first stage picks
// candidates with one scan of the item matrix; the head and the rank pipeline see only those).

test('a 100,000-item catalogue loads and its list learns from five clicks', async ({ page }) => {
  test.setTimeout(240_000);
  const big = generatedCatalogue(100_000);
  await page.route('**/big-catalogue.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: big }),
  );
  // The loading stages the page was told of, in order (reading and checking by slices).
  await page.addInitScript(() => {
    const seen: string[] = [];
    let recs: unknown;
    Object.defineProperty(window, 'privateRecs', {
      configurable: true,
      get: () => recs,
      set: (value: EventTarget) => {
        recs = value;
        value.addEventListener('progress', (event) => {
          const { stage, done } = (event as CustomEvent<{ stage: string; done?: number }>).detail;
          if (stage === 'reading' || stage === 'checking') seen.push(`${stage} ${done ?? ''}`);
        });
      },
    });
    Object.assign(window, { seenStages: seen });
  });
  const shop = new Shop(page);
  await shop.open('?catalogue=big-catalogue.json&backend=wasm');
  await expect(page.getByTestId('status.items')).toHaveText(/100,000 items/);
  const stages = await page.evaluate(
    () => (window as unknown as { seenStages: string[] }).seenStages,
  );
  const slices = (stage: string) =>
    Array.from({ length: 10 }, (_, i) => `${stage} ${(i + 1) * 10_000}`);
  expect(stages).toEqual([...slices('reading'), ...slices('checking')]);
  const before = (await shop.cards()).slice(0, 10);
  // The category least shown now, so that a shift cannot come from popularity.
  const counts = new Map<string, number>();
  for (const name of ['Books', 'Garden', 'Kitchen', 'Music', 'Outdoor', 'Toys'])
    counts.set(name, 0);
  for (const card of before) counts.set(card.category, (counts.get(card.category) ?? 0) + 1);
  const target = [...counts].sort((a, b) => a[1] - b[1])[0]?.[0] ?? 'Books';
  const clicked = await page.evaluate(async (category) => {
    const items = await window.privateRecs.internals.items();
    const ids = items
      .filter((item) => item.category === category)
      .slice(100, 105)
      .map((i) => i.id);
    for (const itemId of ids) await window.privateRecs.track({ type: 'click', itemId });
    await window.privateRecs.internals.whenTrained();
    return ids;
  }, target);
  await expect
    .poll(async () => (await shop.cards()).slice(0, 10).filter((c) => c.category === target).length)
    .toBeGreaterThanOrEqual(6);
  const shown = (await shop.cards()).map((card) => card.itemId);
  for (const id of clicked) expect(shown).not.toContain(id);
});
