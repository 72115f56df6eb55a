import { expect, test, type Page } from '@playwright/test';
import { Shop } from './support/shop';
import { readStore } from './support/stored';
import { report } from './support/report';

const DAY = 86_400_000;

interface Seed {
  version: 1 | 2;
  interactions: { type: string; itemId: string; ts: number; value?: number }[];
  settings: Record<string, unknown>;
  catalogues: { url: string; catalogue: unknown; savedAt: number }[];
  vectors: Record<string, unknown>[];
}

/**
 * Writes a database as a released version left it, from a page of the app's origin before the
 * app ever opens it: version 1 had interactions, settings and catalogues; version 2 added vectors.
 */
async function seedReleased(page: Page, seed: Seed): Promise<void> {
  await page.route('**/seed.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  await page.goto('/seed.html');
  await page.evaluate(async (seed) => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('private-recs', seed.version);
      request.onupgradeneeded = () => {
        const db = request.result;
        const interactions = db.createObjectStore('interactions', {
          keyPath: 'id',
          autoIncrement: true,
        });
        interactions.createIndex('by-ts', 'ts');
        interactions.createIndex('by-item', 'itemId');
        const settings = db.createObjectStore('settings');
        const catalogues = db.createObjectStore('catalogues', { keyPath: 'url' });
        catalogues.createIndex('by-saved', 'savedAt');
        for (const row of seed.interactions) interactions.add(row);
        for (const [key, value] of Object.entries(seed.settings)) settings.put(value, key);
        for (const row of seed.catalogues) catalogues.put(row);
        if (seed.version >= 2) {
          const vectors = db.createObjectStore('vectors', { keyPath: 'key' });
          for (const row of seed.vectors) {
            vectors.put(
              'data' in row ? { ...row, data: Float32Array.from(row.data as number[]) } : row,
            );
          }
        }
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
  }, seed);
}

for (const version of [1, 2] as const) {
  test(`a version ${version} database upgrades to the current schema with every record kept`, async ({
    page,
  }) => {
    const now = Date.now();
    const interactions = [
      { type: 'impression', itemId: 'sku-0003', ts: now - 9 * DAY },
      { type: 'view', itemId: 'sku-0001', ts: now - 8 * DAY },
      { type: 'click', itemId: 'sku-0001', ts: now - 8 * DAY + 1 },
      { type: 'add_to_cart', itemId: 'sku-0002', ts: now - 7 * DAY },
      { type: 'purchase', itemId: 'sku-0002', ts: now - 6 * DAY },
      { type: 'like', itemId: 'sku-0004', ts: now - 5 * DAY },
      { type: 'dislike', itemId: 'sku-0005', ts: now - 4 * DAY },
      { type: 'rating', itemId: 'sku-0006', ts: now - 3 * DAY, value: 4.5 },
    ];
    const settings = { excludedItems: ['sku-0005'], learningPaused: true };
    const oldCopy = {
      url: 'https://old-shop.example/catalogue.json',
      catalogue: {
        schema: 'private-recs/catalogue@1',
        id: 'old-shop',
        items: [{ id: 'old-1', title: 'An item of the old shop' }],
      },
      savedAt: now - 30 * DAY,
    };
    const vectors = [
      {
        key: 'legacy|demo-shop',
        kind: 'header',
        model: 'legacy',
        dims: 2,
        rows: 1,
        chunks: 1,
        savedAt: now - DAY,
      },
      { key: 'legacy|demo-shop#0', kind: 'chunk', hashes: ['h1'], data: [0.5, -0.25] },
    ];
    await seedReleased(page, {
      version,
      interactions,
      settings,
      catalogues: [oldCopy],
      vectors: version >= 2 ? vectors : [],
    });

    const shop = new Shop(page);
    await shop.open();
    const databases = await page.evaluate(() => indexedDB.databases());
    expect(databases).toEqual([{ name: 'private-recs', version: 3 }]);
    const history = await page.evaluate(() => window.privateRecs.internals.history());
    expect(history.map(({ type, itemId, ts, value }) => ({ type, itemId, ts, value }))).toEqual(
      interactions.map((e) => ({ value: undefined, ...e })),
    );
    const status = await page.evaluate(() => window.privateRecs.internals.status());
    expect(status).toMatchObject({ excludedItems: 1, learning: { state: 'paused' } });
    expect(
      await page.evaluate(async () => (await window.privateRecs.exportData()).text()),
    ).toContain(JSON.stringify({ settings }));
    const catalogues = await readStore<{ url: string; savedAt: number }>(page, 'catalogues');
    expect(catalogues).toContainEqual(oldCopy);
    expect(catalogues.map((c) => c.url)).toContain(`${new URL(page.url()).origin}/catalogue.json`);
    const stored = await readStore(page, 'vectors');
    expect(stored).toEqual(version >= 2 ? vectors : []);
    // The store that version 3 added is there (learning is paused, so nothing was trained).
    expect(await readStore(page, 'weights')).toEqual([]);
    report({
      area: 'schema',
      tried:
        interactions.length +
        Object.keys(settings).length +
        1 +
        (version >= 2 ? vectors.length : 0),
      kinds: {
        [`from-version-${version}`]: 1,
        interaction: interactions.length,
        setting: Object.keys(settings).length,
        'catalogue-copy': 1,
        'vector-record': version >= 2 ? vectors.length : 0,
      },
      outcome: `version ${version} opened as version 3; every interaction, setting, catalogue copy${version >= 2 ? ' and vector record' : ''} kept`,
    });
  });
}
