import { expect, test, type Page } from '@playwright/test';
import { Shop } from './support/shop';
import { readStore } from './support/stored';
import { report } from './support/report';

const DAY = 86_400_000;
/** The origin's quota for this test: room for the app's data, set before any is stored. */
const QUOTA = 1_500_000;
const IMPRESSIONS = 400;
const VIEWS = 80;
const CLICKS = 20;
const EXPLICIT = { like: 8, dislike: 2, purchase: 2, add_to_cart: 2, rating: 2 } as const;

interface Row {
  type: string;
  itemId: string;
  ts: number;
  value?: number;
}
const key = (e: Row) => `${e.type}|${e.itemId}|${e.ts}|${e.value ?? ''}`;

async function importRows(page: Page, rows: readonly Row[]): Promise<void> {
  const text = rows
    .map(({ type, itemId, ts, value }) =>
      JSON.stringify({ user: 'me', item: itemId, type, ts, value }),
    )
    .join('\n');
  const result = await page.evaluate(
    (body) => window.privateRecs.importData(new Blob([body])),
    text,
  );
  expect(result).toMatchObject({ imported: rows.length, rejected: 0 });
}

/**
 * Fills the origin's remaining quota from the page with other data (another database, as a
 * shop's own scripts might keep), in smaller and smaller chunks until even a small one is
 * refused; returns how each write ended, so the test sees the browser's own QuotaExceededError.
 */
function fillStorage(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('other-data', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('blobs');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    const verdicts = new Set<string>();
    for (const size of [32_768, 4_096, 512, 64]) {
      for (;;) {
        const tx = db.transaction('blobs', 'readwrite');
        tx.objectStore('blobs').add(crypto.getRandomValues(new Uint8Array(size)), Math.random());
        const verdict = await new Promise<string>((resolve) => {
          tx.oncomplete = () => {
            resolve('stored');
          };
          tx.onabort = () => {
            resolve(tx.error?.name ?? 'aborted');
          };
        });
        verdicts.add(verdict);
        if (verdict !== 'stored') break;
      }
    }
    db.close();
    return [...verdicts].sort();
  });
}

test('storage full: the oldest, weakest signals make room, with a notice; no like is lost', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The quota is read once per stretch of writes, so it is set before the origin stores anything.
  await page.route('**/blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
  );
  await page.goto('/blank.html');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(page.url()).origin,
    quotaSize: QUOTA,
  });
  const shop = new Shop(page);
  // An older catalogue address leaves a stored copy: a cache the app can drop.
  await shop.open('?catalogue=/catalogue.json%3Fedition%3Dold', '#/search?q=tea');
  await shop.open('', '#/search?q=tea');
  const ids = (await page.evaluate(() => window.privateRecs.internals.items())).map((i) => i.id);
  const start = Date.now() - 30 * DAY;
  const at = (i: number) => start + i * 60_000;
  const item = (i: number) => ids[i % ids.length] ?? '';
  const impressions = Array.from({ length: IMPRESSIONS }, (_, i) => ({
    type: 'impression',
    itemId: item(i),
    ts: at(i),
  }));
  const weak = Array.from({ length: VIEWS + CLICKS }, (_, i) => ({
    type: i < VIEWS ? 'view' : 'click',
    itemId: item(i * 7),
    ts: at(i * 3 + 1),
  }));
  const explicit: Row[] = Object.entries(EXPLICIT).flatMap(([type, n], k) =>
    Array.from({ length: n }, (_, i) => ({
      type,
      itemId: item(500 + k * 20 + i),
      ts: at(k * 10 + i),
      ...(type === 'rating' ? { value: 4 } : {}),
    })),
  );
  await importRows(page, [...impressions, ...weak, ...explicit]);
  await page.evaluate(() => window.privateRecs.internals.whenTrained());

  const history = () => page.evaluate(() => window.privateRecs.internals.history());
  const pruneNotice = page.locator('[data-code="storage-pruned"]');
  const liked: string[] = [];
  /** Most likes seen kept in memory at once (storage refused them; written when room frees). */
  let mostHeld = 0;
  /**
   * Fills storage, then likes an item, until a like had to make room (the notice changes). The
   * fill is topped up before every like: Chromium's usage figure moves as it compacts.
   */
  async function fillAndLike(): Promise<{ verdicts: string[]; notice: string }> {
    const before = (await pruneNotice.count()) > 0 ? await pruneNotice.textContent() : null;
    const verdicts = new Set<string>();
    for (let i = 0; i < 100; i++) {
      for (const verdict of await fillStorage(page)) verdicts.add(verdict);
      const itemId = item(900 + liked.length);
      await page.evaluate((id) => window.privateRecs.track({ type: 'like', itemId: id }), itemId);
      liked.push(itemId);
      const status = await page.evaluate(() => window.privateRecs.internals.status());
      const notice = status.notices.find((n) => n.code === 'storage-pruned')?.message ?? null;
      if (status.notices.some((n) => n.code === 'storage-unsaved')) {
        const held = (await history()).filter((e) => e.id < 0).length;
        mostHeld = Math.max(mostHeld, held);
      }
      if (notice !== before) {
        await expect(pruneNotice).toHaveText(notice ?? '');
        return { verdicts: [...verdicts].sort(), notice: notice ?? '' };
      }
    }
    throw new Error('storage never ran full');
  }
  const check = async () => {
    const rows = await history();
    const stored = new Set(rows.map(key));
    // Every explicit signal and every like made on full storage is still there (in memory at
    // least: a like storage refused is held there until room frees up, checked at the end).
    for (const event of explicit) expect(stored.has(key(event))).toBe(true);
    const likes = rows.filter((e) => e.type === 'like').map((e) => e.itemId);
    expect(likes).toEqual(expect.arrayContaining(liked));
    const keptImpressions = impressions.filter((e) => stored.has(key(e)));
    const keptWeak = weak.filter((e) => stored.has(key(e)));
    // What went is the oldest of its kind: the kept ones are a suffix in time.
    expect(keptImpressions).toEqual(impressions.slice(IMPRESSIONS - keptImpressions.length));
    const byTime = [...weak].sort((a, b) => a.ts - b.ts);
    expect(keptWeak.sort((a, b) => a.ts - b.ts)).toEqual(
      byTime.slice(weak.length - keptWeak.length),
    );
    return { impressions: keptImpressions.length, weak: keptWeak.length };
  };

  // Each like on full storage makes room stage by stage, weakest first: the old catalogue copy,
  // then the older half of the impressions, the rest of them, and only then the oldest views and
  // clicks. How many stages one like needs depends on when the browser hands back the room of
  // what was removed: Chromium 150 hands it back late (even a deleted database's), so one like
  // may go down every stage. The order is checked after every like, not the stage it reached.
  const first = await fillAndLike();
  expect(first.verdicts).toEqual(['QuotaExceededError', 'stored']);
  expect(first.notice).toContain('removed 1 old catalogue copy');
  // The old copy went first; the one in use stays.
  const catalogues = await readStore<{ url: string }>(page, 'catalogues');
  expect(catalogues.map((c) => new URL(c.url).search)).toEqual(['']);
  let kept = await check();
  for (let round = 2; kept.weak === VIEWS + CLICKS; round++) {
    expect(round).toBeLessThanOrEqual(16);
    const before = kept;
    await fillAndLike();
    kept = await check();
    expect(kept.impressions + kept.weak).toBeLessThan(before.impressions + before.weak);
  }
  // Views and clicks went only once no impression was left (check() saw the oldest go first).
  expect(kept.impressions).toBe(0);
  await expect(pruneNotice).toContainText(
    `your ${VIEWS + CLICKS - kept.weak} oldest views and clicks`,
  );
  await expect(pruneNotice).toContainText(
    `the ${IMPRESSIONS} oldest records of items you were shown`,
  );
  // When the browser counts freed room is its business, so a like may have been held in memory.
  // Once the browser gives room, every like must reach the database: one that never does was
  // lost for good. Room comes from a larger quota (as when the disk frees up): deleting the
  // other data would not do here, as Chromium 150 counts a deleted database's room back only
  // after minutes. (Lowering the quota below the origin's usage to force a hold is no test
  // either: Chromium let some writes through then.)
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA * 4 });
  await expect
    .poll(
      async () => {
        const rows = await readStore<Row>(page, 'interactions');
        const likes = new Set(rows.filter((e) => e.type === 'like').map((e) => e.itemId));
        return liked.filter((id) => !likes.has(id));
      },
      { timeout: 60_000, intervals: [500, 1_000, 2_000] },
    )
    .toEqual([]);
  await expect(page.locator('[data-code="storage-unsaved"]')).toHaveCount(0);
  report({
    area: 'quota',
    tried: 1 + IMPRESSIONS + VIEWS + CLICKS + explicit.length,
    kinds: {
      'catalogue-copy': 1,
      impression: IMPRESSIONS,
      'view-or-click': VIEWS + CLICKS,
      explicit: explicit.length,
    },
    outcome:
      'every like made on full storage was stored (a like refused until the browser counted the freed room was held in memory, counted at once, and written once the browser gave room); room came from the old catalogue copy, then the oldest impressions, then the oldest views and clicks; no explicit signal lost',
  });
  console.log(`quota.spec: at most ${mostHeld} like(s) held in memory at once`);
});
