import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

// Issue 15.10: cards and item pages show the item image. The demo catalogue's images are drawn
// by a script and given inline (`data:` URLs): showing them makes no request, so the image host
// never learns what is on screen. Remote images show only from origins the build allows (none
// by default): a catalogue pointing elsewhere gets no image and no request.
test('item images show inline with no request; remote ones only from allowed origins', async ({
  page,
}) => {
  const imageRequests: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'image' && !request.url().startsWith('data:')) {
      imageRequests.push(request.url());
    }
  });
  const shop = new Shop(page);
  await shop.open();
  const cards = page.getByTestId('recs.grid').getByTestId('recs.card');
  await expect(cards.first().locator('img.card-image')).toHaveAttribute(
    'src',
    /^data:image\/svg\+xml,/,
  );
  // The picture really renders (decoded, with a size), not a broken image.
  const size = await cards
    .first()
    .locator('img.card-image')
    .evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
  expect(size[0]).toBeGreaterThan(0);
  const [first] = await shop.cards();
  await shop.openItem(first?.itemId ?? '');
  await expect(page.locator('img.item-image')).toHaveAttribute('src', /^data:image\/svg\+xml,/);
  expect(imageRequests).toEqual([]);

  // A catalogue whose images live on another site (or on this one): not shown by this build.
  await page.route('**/catalogue.json', async (route) => {
    const response = await route.fetch();
    const catalogue = (await response.json()) as { items: { image?: string }[] };
    catalogue.items.forEach((item, i) => {
      item.image = i % 2 === 0 ? `https://img.example/${i}.png` : `images/${i}.png`;
    });
    await route.fulfill({ response, json: catalogue });
  });
  await page.reload();
  await shop.ready();
  await expect(page.getByTestId('item.page')).toBeVisible();
  await expect(page.locator('img.item-image')).toHaveCount(0);
  await shop.goHome();
  await expect(page.getByTestId('recs.grid')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('img.card-image')).toHaveCount(0);
  expect(imageRequests).toEqual([]);
});
