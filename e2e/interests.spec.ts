import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

// Issue 15.6 and 15.7: a scripted visitor with an old interest (five book likes and a book
// purchase) and a fresh one (three cycling likes) sees both in the feed, roughly in proportion,
// with varied reasons; "What the app thinks you like" shows one interest per theme, with
// shares that add up to 100 %, and deleting an event of one does not reshuffle the other.
test('a fresh interest is not drowned by an old one; interests add up and stay put', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open('?backend=wasm');
  const books = await shop.itemsOfCategory('Books', 6);
  const cycling = await shop.itemsOfCategory('Cycling', 3);
  // As a visitor would: each item page opened (a view), then the button pressed.
  for (const id of books.slice(0, 5)) {
    await shop.openItem(id);
    await shop.press('like');
    await expect(page.getByTestId('item.like-button')).toHaveAttribute('aria-pressed', 'true');
  }
  await shop.openItem(books[5] ?? '');
  await shop.press('add-to-cart');
  await shop.press('purchase');
  await expect(page.locator('[data-standing="purchase"]')).toBeVisible();
  for (const id of cycling) {
    await shop.openItem(id);
    await shop.press('like');
    await expect(page.getByTestId('item.like-button')).toHaveAttribute('aria-pressed', 'true');
  }
  await page.evaluate(() => window.privateRecs.internals.whenTrained());

  await shop.goHome();
  const top = (await shop.cards()).slice(0, 10);
  const of = (category: string) => top.filter((c) => c.category === category).length;
  // Cycling carries about a third of the visitor's positive weight: at least two places of ten.
  expect(of('Cycling')).toBeGreaterThanOrEqual(2);
  expect(of('Books')).toBeGreaterThanOrEqual(4);
  // Varied reasons: at least five different ones, none for more than four items of the ten.
  const reasons = new Map<string, number>();
  for (const card of top) reasons.set(card.reason, (reasons.get(card.reason) ?? 0) + 1);
  expect(reasons.size).toBeGreaterThanOrEqual(5);
  expect(Math.max(...reasons.values())).toBeLessThanOrEqual(4);
  expect(
    top.some((c) => c.category === 'Cycling' && c.reason.startsWith('Because you liked')),
  ).toBe(true);

  await page.getByTestId('nav.privacy').click();
  const interests = page.getByTestId('privacy.interest');
  await expect(interests).toHaveCount(2);
  const read = () =>
    interests.evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.getAttribute('data-label') ?? '',
        percent: Number(row.getAttribute('data-percent')),
      })),
    );
  const before = await read();
  expect(before.map((i) => i.label.split(' · ')[0])).toEqual(['Books', 'Cycling']);
  expect(before.reduce((sum, i) => sum + i.percent, 0)).toBe(100);

  // Deleting a cycling like changes the shares, not the books interest's label.
  const cyclingRow = page.locator(
    `[data-testid="privacy.history-row"][data-item-id="${cycling[0] ?? ''}"]`,
  );
  await cyclingRow.first().getByTestId('privacy.delete-button').click();
  await expect.poll(async () => (await read())[1]?.percent).toBeLessThan(before[1]?.percent ?? 0);
  const after = await read();
  expect(after[0]?.label).toBe(before[0]?.label);
  expect(after.reduce((sum, i) => sum + i.percent, 0)).toBe(100);
});
