import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { fromRowLists, type StartHead } from '../src/shared/global/sparse-rows';
import { PROJECTION_DIMS } from '../src/shared/head/space';
import { INTERACTION_TYPES } from '../src/shared/interactions/types';
import { encodeModel, GLOBAL_MODEL_FORMAT } from '../src/shared/global/model-file';
import { Shop } from './support/shop';

/**
 * The shop's global model (`model` in the catalogue, built by `npm run catalogue:build`): the
 * head starts from it and is fine-tuned on the device; a bad or missing file leaves the app
 * working from the built-in start.
 */

async function track(page: Page, type: 'like' | 'view', ids: readonly string[]) {
  for (const itemId of ids) {
    await page.evaluate((e) => window.privateRecs.track(e), { type, itemId });
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

for (const backend of ['wasm', 'webgpu'] as const) {
  test(`${backend}: the demo shop's model is in use and the head is fine-tuned from it`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const shop = new Shop(page);
    // Off the feed, so the only events are the ones tracked here.
    await shop.open(`?backend=${backend}`, '#/privacy');
    await expect(page.getByTestId('status.backend')).toHaveText(backend);
    const spec = await page.evaluate(async () => {
      const response = await fetch('catalogue.json');
      return ((await response.json()) as { model?: { sha256: string } }).model ?? null;
    });
    expect(spec, 'the demo catalogue ships a global model').not.toBeNull();
    const ready = await page.evaluate(() => window.privateRecs.ready());
    expect(ready.globalModel).toBe(spec?.sha256.slice(0, 12));
    expect(ready.fineTunedOn).toBe(0);
    const line = page.getByTestId('status.global-model');
    await expect(line).toHaveAttribute('data-version', ready.globalModel ?? '');
    await expect(page.getByTestId('status.fine-tuned')).toHaveText('not fine-tuned yet');

    await track(page, 'like', await shop.itemsOfCategory('Pets', 6));
    const status = await page.evaluate(() => window.privateRecs.internals.whenTrained());
    expect(status.globalModel?.version).toBe(ready.globalModel);
    expect(status.learning).toMatchObject({ backend, trainedOn: 6, state: 'idle' });
    expect(status.learning.last?.epochs).toBeGreaterThan(0);
    expect(status.notices.map((n) => n.code)).not.toContain('global-model-invalid');
    await expect(page.getByTestId('status.fine-tuned')).toHaveText(
      'fine-tuned here on 6 interactions',
    );
    const after = await page.evaluate(() => window.privateRecs.ready());
    expect(after).toMatchObject({ globalModel: ready.globalModel, fineTunedOn: 6 });
  });
}

/**
 * Eight groups of six items with unrelated words. The model says that people who like the first
 * four items of group A also like Z (group H's first item), whose text shares nothing with A's.
 */
const GROUPS = ['amber', 'birch', 'cobalt', 'dune', 'ember', 'fjord', 'garnet', 'harbour'];
const WORDS = ['lantern', 'kettle', 'satchel', 'compass', 'blanket', 'teapot'];
const ITEMS = GROUPS.flatMap((group) =>
  WORDS.map((word, i) => ({
    id: `${group}-${i}`,
    title: `${group} ${word}`,
    description: `A ${group} ${word} from the ${group} range.`,
    category: `Range ${group}`,
  })),
);
const LIKED = ['amber-0', 'amber-1', 'amber-2', 'amber-3'];
const LINKED = 'harbour-0';

function modelFile(ids: readonly string[], startHead?: StartHead): Uint8Array {
  const lists = ids.map((id) =>
    LIKED.includes(id) ? [{ col: ids.indexOf(LINKED), val: 0.3 }] : [],
  );
  return encodeModel({ ...fromRowLists(lists, 1), ...(startHead ? { startHead } : {}) }, ids, 100);
}

/**
 * A starting head as the shop's build learns it (scripts/lib/shop-head.ts), here set by hand:
 * it trusts the shop's score far above the visitor's own similarities. `w`: the eight feature
 * weights (another count is another layout of the head). The interaction rank is the head's 8.
 */
const shopHead = (w: number[]): StartHead => ({
  typeLogit: INTERACTION_TYPES.map(() => 0),
  decayRaw: Math.log(Math.expm1(Math.LN2 / 14)),
  simGain: 0,
  u: new Float32Array(PROJECTION_DIMS * 8),
  w,
  b: -2,
});
const TRUSTING = [0.2, -0.1, 0, 0, 0, -0.1, 0.2, 20];

const ids = () => ITEMS.map((item) => item.id);

/** A model file as the catalogue names it, at the URL the test serves it from. */
const served = (bytes: Uint8Array) => ({
  bytes,
  spec: {
    url: 'model.head.bin',
    sha256: sha256(bytes),
    bytes: bytes.byteLength,
    format: GLOBAL_MODEL_FORMAT,
  },
});

async function openWith(
  page: Page,
  model: { bytes: Uint8Array; spec: { sha256: string } & object } | null,
) {
  const catalogue = {
    schema: 'private-recs/catalogue@1',
    id: 'global-model-test',
    items: ITEMS,
    ...(model ? { model: model.spec } : {}),
  };
  await page.route('**/catalogue.json', (route) => route.fulfill({ json: catalogue }));
  if (model) {
    await page.route('**/model.head.bin', (route) =>
      route.fulfill({ body: Buffer.from(model.bytes), contentType: 'application/octet-stream' }),
    );
  }
  const shop = new Shop(page);
  await shop.open('?backend=wasm', '#/privacy');
  return { shop, spec: model?.spec ?? null };
}

/** The first recommended item outside the liked range (group A), and the whole list. */
const firstOutside = async (page: Page) => {
  const recs = await page.evaluate(() => window.privateRecs.recommend({ count: 20 }));
  const ids = recs.map((r) => r.itemId);
  return { first: ids.find((id) => !id.startsWith('amber-')), ids };
};

test('what the shop model learned ranks an item no text links to the likes, before and after fine-tuning', async ({
  page,
}) => {
  const { spec } = await openWith(page, served(modelFile(ids())));
  await track(page, 'like', LIKED.slice(0, 2));
  // Two likes: too few to train; the head's start (the model's score included) ranks. Text
  // ranks the rest of the liked range first; what the model links comes next, before all else.
  const start = await firstOutside(page);
  expect(start.first, start.ids.join(' ')).toBe(LINKED);
  await track(page, 'like', LIKED.slice(2));
  await track(page, 'view', ['amber-4']);
  const status = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(status.learning.trainedOn).toBe(5);
  expect(status.globalModel).toMatchObject({
    version: spec?.sha256.slice(0, 12),
    entries: 4,
    k: 1,
    startHead: false,
  });
  const tuned = await firstOutside(page);
  expect(tuned.first, tuned.ids.join(' ')).toBe(LINKED);
});

test('a starting head shipped in the model file is where the head starts and fine-tunes from', async ({
  page,
}) => {
  const { spec } = await openWith(page, served(modelFile(ids(), shopHead(TRUSTING))));
  await track(page, 'like', LIKED.slice(0, 2));
  // Untrained: the shipped start puts what the shop's model links above the liked range's
  // own items, which the built-in start ranks first (test above).
  const recs = await page.evaluate(() => window.privateRecs.recommend({ count: 10 }));
  expect(recs[0]?.itemId, recs.map((r) => r.itemId).join(' ')).toBe(LINKED);
  await track(page, 'like', LIKED.slice(2));
  await track(page, 'view', ['amber-4']);
  const status = await page.evaluate(() => window.privateRecs.internals.whenTrained());
  expect(status.globalModel).toMatchObject({ version: spec?.sha256.slice(0, 12), startHead: true });
  expect(status.learning.trainedOn).toBe(5);
  const tuned = await firstOutside(page);
  expect(tuned.first, tuned.ids.join(' ')).toBe(LINKED);
});

test('a starting head of another layout is refused with an operator notice', async ({ page }) => {
  await openWith(page, served(modelFile(ids(), shopHead([1, 1, 1]))));
  const status = await page.evaluate(() => window.privateRecs.internals.status());
  expect(status.globalModel).toBeNull();
  const notice = status.notices.find((n) => n.code === 'global-model-invalid');
  expect(notice?.message).toContain('starting head does not fit');
  await track(page, 'like', LIKED);
  const recs = await page.evaluate(() => window.privateRecs.recommend({ count: 10 }));
  expect(recs.length).toBe(10);
});

test('the same likes without a shop model do not bring that item up', async ({ page }) => {
  await openWith(page, null);
  await track(page, 'like', LIKED);
  const { first, ids } = await firstOutside(page);
  expect(first, ids.join(' ')).not.toBe(LINKED);
  const status = await page.evaluate(() => window.privateRecs.internals.status());
  expect(status.globalModel).toBeNull();
  await expect(page.getByTestId('status.global-model')).toHaveCount(0);
});

for (const fault of ['another hash', 'missing file', 'larger than declared'] as const) {
  test(`a bad model file (${fault}) gives the built-in start, an operator notice and a working shop`, async ({
    page,
  }) => {
    const bytes = modelFile(ITEMS.map((item) => item.id));
    const spec = {
      url: fault === 'missing file' ? 'nowhere.head.bin' : 'model.head.bin',
      sha256: fault === 'another hash' ? sha256(new Uint8Array([1, 2, 3])) : sha256(bytes),
      bytes: fault === 'larger than declared' ? bytes.byteLength - 1 : bytes.byteLength,
      format: GLOBAL_MODEL_FORMAT,
    };
    if (fault === 'missing file') {
      await page.route('**/nowhere.head.bin', (route) => route.fulfill({ status: 404, body: '' }));
    }
    await openWith(page, { bytes, spec });
    const status = await page.evaluate(() => window.privateRecs.internals.status());
    expect(status.globalModel).toBeNull();
    const notice = status.notices.find((n) => n.code === 'global-model-invalid');
    expect(notice?.message).toContain('not used');
    const ready = await page.evaluate(() => window.privateRecs.ready());
    expect(ready.globalModel).toBeNull();
    await expect(page.getByTestId('status.global-model')).toHaveCount(0);
    // Operator-only: the visitor's page does not show it outside the folded diagnostics.
    await expect(page.getByText('recommendation model was not used')).toBeHidden();
    await track(page, 'like', LIKED);
    const recs = await page.evaluate(() => window.privateRecs.recommend({ count: 10 }));
    expect(recs.length).toBe(10);
    expect(recs.map((r) => r.itemId)).toContain('amber-4');
  });
}
