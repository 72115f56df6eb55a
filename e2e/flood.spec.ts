import { expect, test } from '@playwright/test';
import { report } from './support/report';
import { Shop } from './support/shop';

// Floods from a careless or hostile page (issue 16): the engine must store every event, stay
// responsive and never merge distinct events. Timing figures are in `npm run bench:flood`.

test('10,000 un-awaited track() calls are all stored and the engine still answers', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const shop = new Shop(page);
  await shop.open('?model=lexical&backend=wasm', '#/privacy');
  const result = await page.evaluate(async () => {
    const recs = window.privateRecs;
    const ids = (await recs.internals.items()).map((item) => item.id);
    const calls: Promise<void>[] = [];
    let like: Promise<void> = Promise.resolve();
    for (let i = 0; i < 10_000; i++) {
      calls.push(recs.track({ type: 'view', itemId: ids[i % 50] ?? '' }));
      if (i === 1_000) like = recs.track({ type: 'like', itemId: ids[99] ?? '' });
    }
    await Promise.all([...calls, like]);
    const recommended = await recs.recommend({ count: 10 });
    const status = await recs.internals.status();
    return { interactions: status.interactions, recommended: recommended.length };
  });
  expect(result).toEqual({ interactions: 10_001, recommended: 10 });
  // The page still renders and the count it shows is the stored one; it lists the newest 100
  // and offers the rest a page at a time (a long history is never rendered whole).
  await expect(page.getByTestId('privacy.page')).toContainText('10001');
  const rows = page.getByTestId('privacy.history-row');
  await expect(rows).toHaveCount(100);
  await page.getByTestId('privacy.history-more').click();
  await expect(rows).toHaveCount(200);
  report({
    area: 'Event flood: 10,000 un-awaited track() calls with a like in the middle',
    tried: 10_001,
    outcome: 'all 10,001 stored; recommend() answers after the flood; the page shows the count',
  });
});

test('distinct events sent together are all kept; a repeated call is stored once', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open('?model=lexical&backend=wasm', '#/privacy');
  const counts = await page.evaluate(async () => {
    const recs = window.privateRecs;
    const [first] = await recs.internals.items();
    const itemId = first?.id ?? '';
    await Promise.all(
      Array.from({ length: 50 }, () => recs.track({ type: 'add_to_cart', itemId, ts: 1.7e12 })),
    );
    const afterBurst = (await recs.internals.status()).interactions;
    // The page stamps each call with an id; a call replayed with the same id (what the page
    // does after a worker crash) is stored once.
    const replayed = { type: 'like' as const, itemId, ts: 1.7e12, eid: 'replayed-call' };
    await recs.internals.track(replayed);
    await recs.internals.track(replayed);
    return { afterBurst, afterReplay: (await recs.internals.status()).interactions };
  });
  expect(counts).toEqual({ afterBurst: 50, afterReplay: 51 });
  report({
    area: 'Distinct events of one millisecond: 50 identical add_to_cart calls, and a replayed call',
    tried: 52,
    outcome: 'all 50 kept; the call replayed with its id stored once',
  });
});
