import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

// The feed's private A/B test (issue 14 §3): interleaved strategies, credits on the device, a
// tally on the Your-data page that is exported, imported, reset and erased with the rest.
test('the feed interleaves two strategies; clicks are credited; the tally is shown, kept and reset', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open('?backend=wasm');
  await page.getByTestId('nav.privacy').click();
  const panel = page.getByTestId('experiment.panel');
  // Nothing learned yet: nothing to compare.
  await expect(panel).toHaveAttribute('data-in-use', 'profile');
  await expect(page.getByTestId('experiment.in-use')).toContainText('starts once');

  const pets = await shop.itemsOfCategory('Pets', 5);
  const credited = await page.evaluate(async (liked) => {
    const recs = window.privateRecs;
    for (const itemId of liked) await recs.track({ type: 'like', itemId });
    await recs.internals.whenTrained();
    // Three clicks on items the feed showed, and one on an item it did not.
    const shown = (await recs.recommend({ count: 10 })).map((r) => r.itemId);
    for (const itemId of shown.slice(0, 3)) await recs.track({ type: 'click', itemId });
    const unseen = (await recs.internals.items()).find((item) => !shown.includes(item.id));
    if (unseen) await recs.track({ type: 'click', itemId: unseen.id });
    return recs.internals.experiment();
  }, pets);
  expect(credited.inUse).toBe('both');
  expect(credited.credits.learned + credited.credits.profile).toBe(3);
  await expect(panel).toHaveAttribute('data-in-use', 'both');
  const total = async () => {
    const text = `${await page.getByTestId('experiment.learned').textContent()} ${await page.getByTestId('experiment.profile').textContent()}`;
    return [...text.matchAll(/\d+/g)].reduce((sum, m) => sum + Number(m[0]), 0);
  };
  await expect.poll(total).toBe(3);

  // The tally travels with an export; an imported one that settles the test is honoured.
  const exported = await page.evaluate(async () => (await window.privateRecs.exportData()).text());
  expect(exported).toContain('"experiment"');
  await page.evaluate(async () => {
    const line = JSON.stringify({ settings: { experiment: { a: 7, b: 0, since: Date.now() } } });
    await window.privateRecs.importData(new Blob([line]));
  });
  await expect(panel).toHaveAttribute('data-in-use', 'learned');
  await expect(page.getByTestId('experiment.learned')).toContainText('7');

  await page.getByTestId('experiment.reset').click();
  await expect(panel).toHaveAttribute('data-in-use', 'both');
  await expect.poll(total).toBe(0);
  // Erasing everything erases the tally too.
  await page.evaluate(async () => {
    const recs = window.privateRecs;
    const shown = (await recs.recommend({ count: 4 })).map((r) => r.itemId);
    await recs.track({ type: 'click', itemId: shown[0] ?? '' });
    await recs.forget();
  });
  const after = await page.evaluate(() => window.privateRecs.internals.experiment());
  expect(after.credits).toEqual({ learned: 0, profile: 0 });
});
