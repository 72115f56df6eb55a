import { expect, test, type Page } from '@playwright/test';
import { Shop } from './support/shop';

interface Found {
  itemId: string;
  reason: string;
  title: string;
  brand: string;
  text: string;
}

/** A search through the public API, with each result's catalogue text. */
async function search(page: Page, query: string, count = 8): Promise<Found[]> {
  return page.evaluate(
    async ({ query, count }) => {
      const items = await window.privateRecs.internals.items();
      const recs = await window.privateRecs.recommend({ query, count });
      return recs.map(({ itemId, reason }) => {
        const item = items.find((i) => i.id === itemId);
        const fields = [item?.title, item?.category, ...(item?.tags ?? []), item?.description];
        return {
          itemId,
          reason,
          title: item?.title ?? '',
          brand: item?.brand ?? '',
          text: fields.join(' ').toLowerCase(),
        };
      });
    },
    { query, count },
  );
}

const isGrinder = (found: Found) => /grinder/i.test(found.title);

test('the search box example finds a grinder first, naming the words it matched', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  await page.getByTestId('search.input').fill('quiet coffee grinder');
  await page.getByTestId('search.input').press('Enter');
  await expect(page.getByTestId('search.results')).toHaveAttribute(
    'data-query',
    'quiet coffee grinder',
  );
  const [first] = await shop.cards('search.results');
  const [top] = await search(page, 'quiet coffee grinder', 1);
  expect(top && isGrinder(top)).toBe(true);
  expect(first?.itemId).toBe(top?.itemId);
  expect(first?.reason).toBe('Matches “quiet”, “coffee”, “grinder”');
  expect(await shop.interactionCount()).toBe(0);
});

test('a gift for a toddler: most of the top 8 are toddler items', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open();
  const top = await search(page, 'gift for a toddler');
  expect(top).toHaveLength(8);
  expect(top.filter((found) => found.text.includes('toddler')).length).toBeGreaterThanOrEqual(6);
  for (const found of top) expect(found.reason).toMatch(/^Matches “(gift|toddler)”/);
});

test('a misspelt word or a prefix still finds the items', async ({ page }) => {
  const shop = new Shop(page);
  await shop.open();
  for (const query of ['grindr', 'grin']) {
    const top = await search(page, query, 5);
    // Results vary past the first few (a prefix also finds "grinding" in other departments).
    expect(top.filter(isGrinder).length, query).toBeGreaterThanOrEqual(4);
    expect(top[0] && isGrinder(top[0]), query).toBe(true);
    // Named as the catalogue writes it ("grinds" folds to "grind" as well).
    expect(top[0]?.reason, query).toMatch(/^Matches “grind(er)?”$/);
  }
  const toddlers = await search(page, 'toddlr', 6);
  expect(toddlers.filter((found) => found.text.includes('toddler')).length).toBe(6);
});

test('after liking one brand, its matches move up, and their reason says so', async ({ page }) => {
  // The visitor's own taste alone: the demo shop's global model would add what other shoppers
  // who liked these grinders liked (global-model.spec.ts tests that), other brands included.
  await page.route('**/catalogue.json', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { model?: unknown };
    delete json.model;
    await route.fulfill({ response, json });
  });
  const shop = new Shop(page);
  await shop.open();
  const before = await search(page, 'grinder', 12);
  expect(before.every(isGrinder)).toBe(true);
  const leader = before[0]?.brand ?? '';
  // The other brand's grinders that the text ranks lowest: the visitor likes those.
  const liked = before
    .filter((found) => found.brand !== leader)
    .slice(-3)
    .map((found) => found.itemId);
  expect(liked).toHaveLength(3);
  const brand = before.find((found) => found.itemId === liked[0])?.brand ?? '';
  await page.evaluate(async (ids) => {
    for (const itemId of ids) await window.privateRecs.track({ type: 'like', itemId });
    await window.privateRecs.internals.whenTrained();
  }, liked);
  const after = await search(page, 'grinder', 12);
  // Taste reorders the matches only: every result still matches.
  expect(after.every(isGrinder)).toBe(true);
  // The brand fills more of the top 5 than before (the best text match may keep first place).
  const inTop5 = (list: Found[]) => list.slice(0, 5).filter((found) => found.brand === brand);
  expect(inTop5(after).length).toBeGreaterThan(inTop5(before).length);
  expect(inTop5(after).length).toBeGreaterThanOrEqual(3);
  const moved = 'Matches “grinder” · moved up for your taste';
  expect(after.slice(0, 3).some((found) => found.reason === moved)).toBe(true);
  for (const found of after.filter((f) => f.reason === moved)) expect(found.brand).toBe(brand);
  const place = (list: Found[], id: string) => list.findIndex((found) => found.itemId === id);
  for (const id of liked) expect(place(after, id)).toBeLessThan(place(before, id));
});
