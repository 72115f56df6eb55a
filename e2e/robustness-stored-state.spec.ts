import { expect, test, type Page } from '@playwright/test';
import { headParamsProblem, type HeadParams } from '../src/shared/head/params';
import { VECTOR_DAMAGE, WEIGHT_DAMAGE, type VectorRecords } from '../test/generators/stored-damage';
import { watchErrors } from './support/errors';
import { deleteRecord, getRecord, putRecord, storeKeys } from './support/idb';
import { report } from './support/report';
import { minRowCosine, Shop } from './support/shop';

const MODEL = 'private-recs/tiny-bert';
const VECTORS = `${MODEL}|q8|demo-shop`;
/**
 * The vector test serves the first 200 items of the demo catalogue: each kind of damage costs a
 * reload and a re-encode, and a smaller shop makes those cheaper without changing what is tested.
 */
const SMALL = 200;
const ITEMS = 1217;

async function smallCatalogue(page: Page): Promise<void> {
  await page.route('**/catalogue.json', async (route) => {
    const response = await route.fetch();
    const catalogue = (await response.json()) as { items: unknown[] };
    await route.fulfill({
      response,
      json: { ...catalogue, items: catalogue.items.slice(0, SMALL) },
    });
  });
}

async function reload(page: Page, shop: Shop): Promise<void> {
  await page.reload();
  await shop.ready();
}

test('damaged stored vectors are detected, thrown away and computed again', async ({ page }) => {
  test.setTimeout(300_000);
  const watch = watchErrors(page);
  await smallCatalogue(page);
  const shop = new Shop(page);
  await shop.open(`?model=${MODEL}&backend=wasm`);
  expect((await shop.indexed()).semantic).toMatchObject({ stats: { encoded: SMALL } });
  const reference = await shop.itemVectors();
  const intact: VectorRecords = {
    header: (await getRecord(page, 'vectors', VECTORS)) as Record<string, unknown>,
    chunk: (await getRecord(page, 'vectors', `${VECTORS}#0`)) as Record<string, unknown>,
  };
  expect(intact.chunk?.data).toBeInstanceOf(Float32Array);

  const failures: string[] = [];
  for (const damage of VECTOR_DAMAGE) {
    const damaged = damage.apply(intact);
    await putRecord(page, 'vectors', damaged.header);
    if (damaged.chunk) await putRecord(page, 'vectors', damaged.chunk);
    else await deleteRecord(page, 'vectors', `${VECTORS}#0`);
    await reload(page, shop);
    const status = await shop.indexed();
    const encoded = damage.reencoded === 'all' ? SMALL : damage.reencoded;
    const problems: string[] = [];
    const stats = status.semantic.state === 'ready' ? status.semantic.stats : null;
    if (stats?.encoded !== encoded || stats.cached !== SMALL - encoded) {
      problems.push(`semantic ${JSON.stringify(status.semantic)}, expected ${encoded} encoded`);
    }
    if (!status.notices.some((notice) => notice.code === 'vectors-rebuilt')) {
      problems.push('no notice');
    }
    const vectors = await shop.itemVectors();
    if (!vectors.data.every(Number.isFinite)) problems.push('vectors not finite');
    const cosine = minRowCosine(vectors.data, reference.data, reference.dims);
    if (cosine < 0.9999) problems.push(`vectors differ from before (min cosine ${cosine})`);
    // What is stored is whole again: the next visit reads every row from it.
    const chunk = (await getRecord(page, 'vectors', `${VECTORS}#0`)) as { data?: unknown } | null;
    const stored = chunk?.data instanceof Float32Array ? Array.from(chunk.data) : [];
    if (
      minRowCosine(stored, reference.data, reference.dims) < 0.9999 ||
      stored.length !== reference.data.length
    ) {
      problems.push('the stored rows were not rewritten');
    }
    const recs = await page.evaluate(() =>
      window.privateRecs.recommend({ count: 10, query: 'coffee' }),
    );
    if (recs.length !== 10) problems.push(`${recs.length} recommendations`);
    if (problems.length > 0) failures.push(`${damage.name}: ${problems.join('; ')}`);
  }
  expect(failures).toEqual([]);
  await reload(page, shop);
  expect((await shop.indexed()).semantic).toMatchObject({ stats: { cached: SMALL, encoded: 0 } });
  expect(watch.errors).toEqual([]);
  report({
    area: 'stored-state',
    tried: VECTOR_DAMAGE.length,
    kinds: { vectors: VECTOR_DAMAGE.length },
    outcome:
      'damaged vector caches thrown away (damaged rows alone re-encoded) with a notice; vectors equal to the originals and stored whole again; recommendations work',
  });
});

test('damaged learned weights are detected, thrown away and trained again from the history', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const watch = watchErrors(page);
  const shop = new Shop(page);
  await shop.open('?backend=wasm');
  const shown = new Set((await shop.cards()).slice(0, 10).map((card) => card.category));
  const categories = await page.evaluate(async () => [
    ...new Set(
      (await window.privateRecs.internals.items()).map((i) => i.category?.split('>')[0]?.trim()),
    ),
  ]);
  const target = categories.find((name) => name !== undefined && !shown.has(name)) ?? '';
  for (const itemId of await shop.itemsOfCategory(target, 5)) {
    await page.evaluate((itemId) => window.privateRecs.track({ type: 'like', itemId }), itemId);
  }
  expect(
    (await page.evaluate(() => window.privateRecs.internals.whenTrained())).learning.trainedOn,
  ).toBe(5);
  const [key] = await storeKeys(page, 'weights');
  const intact = (await getRecord(page, 'weights', key ?? '')) as { params: HeadParams } & Record<
    string,
    unknown
  >;
  const shape = {
    dims: intact.params.dims,
    typeLogit: intact.params.typeLogit.length,
    u: intact.params.u.length,
    w: intact.params.w.length,
  };

  const failures: string[] = [];
  for (const damage of WEIGHT_DAMAGE) {
    await putRecord(page, 'weights', damage.apply(intact));
    await reload(page, shop);
    const { learning } = await page.evaluate(() => window.privateRecs.internals.whenTrained());
    const problems: string[] = [];
    // Trained in this session (last is set), on the whole history.
    if (learning.trainedOn !== 5 || !Number.isFinite(learning.last?.trainLoss)) {
      problems.push(`learning ${JSON.stringify(learning)}`);
    }
    const stored = (await getRecord(page, 'weights', key ?? '')) as {
      params: unknown;
      fingerprint: unknown;
    };
    const problem = headParamsProblem(stored.params, shape);
    if (problem !== null || typeof stored.fingerprint !== 'string') {
      problems.push(`stored weights still damaged: ${String(problem)}`);
    }
    const recs = await page.evaluate(() => window.privateRecs.recommend({ count: 10 }));
    if (!recs.every((r) => Number.isFinite(r.score))) problems.push('scores not finite');
    await shop.goHome();
    const top = (await shop.cards()).slice(0, 10);
    const liked = top.filter((card) => card.category === target).length;
    if (liked < 6) problems.push(`${liked} of the top 10 from the liked category`);
    if (problems.length > 0) failures.push(`${damage.name}: ${problems.join('; ')}`);
  }
  expect(failures).toEqual([]);
  expect(watch.errors).toEqual([]);
  report({
    area: 'stored-state',
    tried: WEIGHT_DAMAGE.length,
    kinds: { weights: WEIGHT_DAMAGE.length },
    outcome:
      'damaged weights thrown away with a console message and retrained from the history; stored weights valid again; the liked category leads the top 10 again',
  });
});

test('a damaged saved catalogue is never shown; a good download replaces it', async ({ page }) => {
  const watch = watchErrors(page);
  const shop = new Shop(page);
  await shop.open();
  const url = (await storeKeys(page, 'catalogues')).find((key) => key.endsWith('/catalogue.json'));
  if (url === undefined) throw new Error('the catalogue was not saved');
  const saved = (await getRecord(page, 'catalogues', url)) as {
    catalogue: Record<string, unknown>;
  };
  const damages: [string, (catalogue: Record<string, unknown>) => unknown][] = [
    ['no catalogue at all', () => null],
    ['items that are not a list', (c) => ({ ...c, items: 'many' })],
    ['an item with a number for a title', (c) => ({ ...c, items: [{ id: 'a', title: 7 }] })],
  ];
  for (const [name, damage] of damages) {
    await putRecord(page, 'catalogues', { ...saved, catalogue: damage(saved.catalogue) });
    // Offline: the damaged copy is all there is, and it is refused in plain words.
    await page.route('**/catalogue.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.reload();
    await expect(page.getByTestId('app.failed'), name).toContainText(
      'The copy saved on this device is damaged',
    );
    // Online again: the download replaces the damaged copy and the shop works.
    await page.unrouteAll();
    await page.reload();
    await shop.ready();
    expect((await shop.cards()).length, name).toBeGreaterThanOrEqual(10);
    const again = (await getRecord(page, 'catalogues', url)) as { catalogue: { items: unknown[] } };
    expect(again.catalogue.items, name).toHaveLength(ITEMS);
  }
  expect(watch.errors).toEqual([]);
  report({
    area: 'stored-state',
    tried: damages.length,
    kinds: { 'catalogue copies': damages.length },
    outcome:
      'a damaged saved catalogue is refused with a plain message, never shown; the next download replaces it',
  });
});
