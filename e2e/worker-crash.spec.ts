import { expect, test, type Page, type Worker } from '@playwright/test';
import { Shop } from './support/shop';
import { report } from './support/report';
import { finiteParams, readStore, type WeightsRow } from './support/stored';

async function like(page: Page, ids: readonly string[]): Promise<void> {
  for (const itemId of ids) {
    await page.evaluate((id) => window.privateRecs.track({ type: 'like', itemId: id }), itemId);
  }
}

/** The engine worker now running (a replaced one leaves the list when it closes). */
function engineWorker(page: Page): Worker {
  // Started from a blob: module that imports engine.worker-*.js (src/client/engine-client.ts).
  const workers = page.workers().filter((worker) => worker.url().startsWith('blob:'));
  expect(workers).toHaveLength(1);
  return workers[0] as Worker;
}

/** The app shows the engine again: status line with backend and count, and the restart notice. */
async function expectRecovered(page: Page, interactions: number): Promise<void> {
  await expect(page.getByTestId('status.interactions')).toHaveText(String(interactions));
  await expect(page.getByTestId('status.backend')).toHaveText('wasm');
  await expect(page.locator('[data-code="engine-restarted"]')).toBeVisible();
  const recs = await page.evaluate(() => window.privateRecs.recommend({ count: 10 }));
  expect(recs).toHaveLength(10);
  for (const rec of recs) expect(rec.reason).not.toBe('');
}

test('a worker killed mid-training is restarted; stored weights stay the last good ones; nothing is lost', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open('?backend=wasm');
  const ids = await shop.itemsOfCategory('Gardening', 7);
  await like(page, ids.slice(0, 5));
  const first = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(first.learning.trainedOn).toBe(5);
  const before = await readStore<WeightsRow>(page, 'weights');
  expect(before).toHaveLength(1);
  expect(finiteParams(before[0] as WeightsRow)).toBe(true);

  // At the first epoch of the next run the worker waits for the page to receive the progress
  // event; the page kills it right there, so the kill lands mid-training, between epochs. The
  // weights are read in a transaction created before the kill, so no later write can show.
  await page.evaluate(async (during) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('private-recs');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    const killed = new Promise((resolve) => {
      const onProgress = (event: Event) => {
        const detail = (event as CustomEvent<{ stage: string; epoch?: number }>).detail;
        if (detail.stage !== 'training') return;
        window.privateRecs.removeEventListener('progress', onProgress);
        const request = db.transaction('weights').objectStore('weights').getAll();
        const weights = new Promise((done) => {
          request.onsuccess = () => {
            done(
              JSON.parse(
                JSON.stringify(request.result, (_k, v: unknown) =>
                  ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v,
                ),
              ),
            );
          };
        });
        const restarted = window.privateRecs.restartEngine();
        // Made while the new worker starts: it must wait for it, not hang or get lost.
        const tracked = window.privateRecs.track({ type: 'like', itemId: during });
        resolve(
          Promise.all([weights, restarted, tracked]).then(([stored]) => ({
            epoch: detail.epoch,
            stored,
          })),
        );
      };
      window.privateRecs.addEventListener('progress', onProgress);
    });
    Object.assign(window, { killed });
  }, ids[6] ?? '');
  await like(page, ids.slice(5, 6));
  // In flight on the worker that is about to die: it must be answered by the new one.
  const inFlight = page.evaluate(() =>
    window.privateRecs.internals.whenTrained().then((status) => status.learning.trainedOn),
  );
  const killed = await page.evaluate(
    () =>
      (window as unknown as { killed: Promise<{ epoch: number; stored: WeightsRow[] }> }).killed,
  );
  expect(killed.epoch).toBe(1);
  expect(killed.stored).toEqual(before);
  expect(await inFlight).toBeGreaterThanOrEqual(6);

  const after = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(after.learning.trainedOn).toBe(7);
  expect(after.learning.last?.epochs).toBeGreaterThan(0);
  const retrained = await readStore<WeightsRow>(page, 'weights');
  expect(retrained).toHaveLength(1);
  expect(retrained[0]?.trainedOn).toBe(7);
  expect(retrained[0]?.savedAt).toBeGreaterThan(before[0]?.savedAt ?? Infinity);
  expect(finiteParams(retrained[0] as WeightsRow)).toBe(true);
  // (The new weights may equal the old: a run that does not improve the held-out loss keeps
  // its starting weights, epoch 0 included.)

  const history = await shop.history();
  expect(history.map((e) => e.itemId).sort()).toEqual([...ids].sort());
  expect(history.every((e) => e.type === 'like')).toBe(true);
  expect(await page.evaluate(() => window.privateRecs.restarts)).toBe(1);
  await expectRecovered(page, 7);
  report({
    area: 'worker-crash',
    tried: 1,
    kinds: { 'terminate-mid-training': 1, 'call-in-flight': 1, 'call-during-restart': 1 },
    outcome:
      'killed at epoch 1 of a run: weights stayed the previous ones; 7 of 7 likes kept; retrained',
  });
});

test('a worker that fails or closes on its own is replaced; calls made around it are answered', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open('?backend=wasm');
  const ids = await shop.itemsOfCategory('Books', 3);
  await like(page, ids);

  // An uncaught error reaches the page as an `error` event: the worker is replaced.
  const failing = engineWorker(page);
  const failed = new Promise((resolve) => failing.once('close', resolve));
  let replacement = page.waitForEvent('worker');
  await failing.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated engine crash');
    }, 0);
  });
  await failed;
  await replacement;
  expect(await page.evaluate(() => window.privateRecs.restarts)).toBe(1);
  await expectRecovered(page, 3);

  // self.close() ends the worker without any event; its liveness lock is what tells the page.
  const closing = engineWorker(page);
  replacement = page.waitForEvent('worker');
  // Closed before the next calls are sent: they reach a worker that will never answer.
  await closing.evaluate(() => {
    self.close();
  });
  const answered = await page.evaluate(async () => {
    const recs = await window.privateRecs.recommend({ count: 5 });
    await window.privateRecs.track({ type: 'view', itemId: recs[0]?.itemId ?? '' });
    return recs.length;
  });
  expect(answered).toBe(5);
  await replacement;
  await expect.poll(() => page.evaluate(() => window.privateRecs.restarts)).toBe(2);
  await expectRecovered(page, 4);
  expect((await shop.history()).map((e) => e.type)).toEqual(['like', 'like', 'like', 'view']);
  report({
    area: 'worker-crash',
    tried: 2,
    kinds: { 'uncaught-error': 1, 'self-close': 1 },
    outcome: 'each worker replaced; calls answered; 4 of 4 interactions kept',
  });
});

test('a worker that cannot start is retried three times, then the app says so', async ({
  page,
}) => {
  let attempts = 0;
  await page.route('**/assets/engine.worker-*.js', (route) => {
    attempts += 1;
    return route.fulfill({ status: 503, body: 'unavailable' });
  });
  await page.goto('/?model=lexical');
  await expect(page.getByTestId('app.failed')).toContainText('could not be restarted');
  expect(attempts).toBe(4);
  report({
    area: 'worker-crash',
    tried: 4,
    kinds: { 'script-unavailable': 4 },
    outcome: 'gave up after the first start and 3 restarts failed, with a plain message',
  });
});
