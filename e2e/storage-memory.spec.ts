import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser';
import { report } from './support/report';
import { HOSTS } from './support/widget-shop';

// Playwright's own defaults switch storage partitioning off, so a cross-site frame gets no
// storage at all: the browser refuses IndexedDB, as private modes and strict browsers do.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } });

const LIKES = 5;

test('the app where the browser refuses storage works in memory, says so, and learns', async ({
  page,
}) => {
  // A page of another site embeds the demo app. Chromium's local-network protection blocks a
  // loopback frame in a page Playwright makes up itself, so the host is a real response of the
  // other host name (a script-free document) given the frame.
  await page.goto(`${HOSTS.shop}/catalogue.json`);
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    Object.assign(frame, { src, width: '1200', height: '900' });
    document.body.replaceChildren(frame);
  }, `${HOSTS.widget}/?model=lexical&backend=wasm`);
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  if (!frame) throw new Error('The host page has no app frame.');
  await frame.waitForURL(`${HOSTS.widget}/**`);
  // The browser's verdict on IndexedDB in this frame (it throws here, or fails the request).
  const refused = await frame.evaluate(
    () =>
      new Promise<string>((resolve) => {
        try {
          const request = indexedDB.open('private-recs-probe');
          request.onsuccess = () => {
            resolve('opened');
          };
          request.onerror = () => {
            resolve(request.error?.name ?? 'failed');
          };
        } catch (error) {
          resolve((error as Error).name);
        }
      }),
  );
  expect(refused).not.toBe('opened');
  await frame.waitForFunction(() => typeof window.privateRecs !== 'undefined');
  const ready = await frame.evaluate(() => window.privateRecs.ready());
  expect(ready.interactions).toBe(0);
  const app = page.frameLocator('iframe');
  await expect(app.locator('[data-code="storage-memory"]')).toContainText(
    'what you do here is forgotten when the page closes',
  );

  const grid = app.getByTestId('recs.grid');
  const categories = () =>
    grid
      .getByTestId('recs.card')
      .evaluateAll((cards) =>
        cards.map((card) => (card.getAttribute('data-category') ?? '').split('>')[0]?.trim()),
      );
  await expect(grid).toHaveAttribute('data-state', 'ready');
  const shown = new Set(await categories());
  const { target, liked } = await frame.evaluate(
    async ({ shown, count }) => {
      const items = await window.privateRecs.internals.items();
      const top = (category?: string) => category?.split('>')[0]?.trim() ?? '';
      const target = items.map((i) => top(i.category)).find((c) => c !== '' && !shown.includes(c));
      const liked = items
        .filter((i) => top(i.category) === target)
        .slice(0, count)
        .map((i) => i.id);
      for (const itemId of liked) await window.privateRecs.track({ type: 'like', itemId });
      return { target: target ?? '', liked };
    },
    { shown: [...shown], count: LIKES },
  );
  expect(liked).toHaveLength(LIKES);
  await expect(app.getByTestId('status.interactions')).toHaveText(String(LIKES));
  await expect
    .poll(async () => (await categories()).slice(0, 10).filter((c) => c === target).length)
    .toBeGreaterThanOrEqual(4);
  const history = await frame.evaluate(() => window.privateRecs.internals.history());
  expect(history.filter((e) => e.type === 'like').map((e) => e.itemId)).toEqual(liked);
  report({
    area: 'memory',
    tried: LIKES,
    kinds: { like: LIKES, 'storage-refused': 1 },
    outcome: `IndexedDB refused in a cross-site frame: in-memory history with a notice; ${LIKES} likes recorded and followed`,
  });
});
