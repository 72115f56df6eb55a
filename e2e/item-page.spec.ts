import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

// Issue 15.3: the item page shows where the visitor stands; Like and Not for me are toggles
// (a second press takes it back), the cart is a page of its own, and every action can be undone.
test('the item page shows the verdict, toggles it, keeps a cart and offers undo', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  const [first, second] = await shop.itemsOfCategory('Books', 2);
  const itemA = first ?? '';
  const itemB = second ?? '';
  const count = async (type: string, itemId: string) =>
    (await shop.history()).filter((e) => e.type === type && e.itemId === itemId).length;
  const like = page.getByTestId('item.like-button');
  const dislike = page.getByTestId('item.dislike-button');
  const standing = page.getByTestId('item.standing');
  const snackbar = page.getByTestId('app.snackbar');

  await shop.openItem(itemA);
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await shop.press('like');
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(standing).toContainText('You like this');
  expect(await count('like', itemA)).toBe(1);
  // A second press takes the like back: no like of the item is left, nothing else is stored.
  await shop.press('like');
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await expect(snackbar).toContainText('Like taken back');
  await expect(standing).not.toContainText('You like this');
  expect(await count('like', itemA)).toBe(0);
  // Three presses: liked, taken back, liked — one like stored, never three.
  for (let i = 0; i < 3; i++) await shop.press('like');
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  expect(await count('like', itemA)).toBe(1);
  // Not for me replaces the like: one verdict at a time.
  await shop.press('dislike');
  await expect(dislike).toHaveAttribute('aria-pressed', 'true');
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await expect(standing).toContainText('Not for me');
  expect([await count('like', itemA), await count('dislike', itemA)]).toEqual([0, 1]);
  // Undo in the message removes what it announced.
  await page.getByTestId('app.snackbar-action').click();
  await expect(snackbar).toContainText('Undone');
  await expect(dislike).toHaveAttribute('aria-pressed', 'false');
  expect(await count('dislike', itemA)).toBe(0);

  // The cart: two items in, one out again, then bought.
  const cartLink = page.getByTestId('nav.cart');
  await expect(cartLink).toHaveText('Cart (0)');
  await shop.press('add-to-cart');
  await expect(standing).toContainText('In your cart');
  await expect(page.getByTestId('item.add-to-cart-button')).toHaveText('Remove from cart');
  await shop.openItem(itemB);
  await shop.press('add-to-cart');
  await expect(cartLink).toHaveText('Cart (2)');
  await cartLink.click();
  const lines = page.getByTestId('cart.lines').locator('li');
  await expect(lines).toHaveCount(2);
  // The latest addition first.
  await expect(lines.first()).toHaveAttribute('data-item-id', itemB);
  await lines.first().getByTestId('cart.remove').click();
  await expect(lines).toHaveCount(1);
  await expect(cartLink).toHaveText('Cart (1)');
  expect(await count('add_to_cart', itemB)).toBe(0);
  await expect(page.getByTestId('cart.total')).toContainText('Total');
  await page.getByTestId('cart.buy').click();
  await expect(page.getByTestId('cart.empty')).toBeVisible();
  await expect(cartLink).toHaveText('Cart (0)');
  expect(await count('purchase', itemA)).toBe(1);
  // The bought item says so; its cart addition stays part of how it was bought.
  await shop.openItem(itemA);
  await expect(standing.locator('[data-standing="purchase"]')).toContainText('You bought this on');
  await expect(standing).not.toContainText('In your cart');
  expect(await count('add_to_cart', itemA)).toBe(1);

  // Undo of a purchase: the item is no longer bought.
  await shop.openItem(itemB);
  await shop.press('purchase');
  await expect(standing.locator('[data-standing="purchase"]')).toBeVisible();
  await page.getByTestId('app.snackbar-action').click();
  await expect(standing.locator('[data-standing="purchase"]')).toHaveCount(0);
  expect(await count('purchase', itemB)).toBe(0);
});
