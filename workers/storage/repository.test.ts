import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/shared/catalogue/schema';
import { DB_NAME } from './db';
import { Repository } from './repository';
import { deleteDatabase, openReleased, tinyWeights } from '../../test/stored-fixtures';

const ts = Date.UTC(2026, 10, 22);
const catalogue = (id: string): Catalogue => ({
  schema: 'private-recs/catalogue@1',
  id,
  items: [{ id: 'a', title: 'A' }],
});

beforeEach(() => deleteDatabase(DB_NAME));

describe('Repository', () => {
  it('stores interactions in time order and deletes one by id', async () => {
    const repo = new Repository();
    await repo.addInteractions([{ type: 'like', itemId: 'b', ts: ts + 10 }]);
    await repo.addInteractions([{ type: 'view', itemId: 'a', ts }]);
    const stored = await repo.interactions();
    expect(stored.map((e) => e.itemId)).toEqual(['a', 'b']);
    await repo.deleteInteraction(stored[0]?.id ?? -1);
    expect((await repo.interactions()).map((e) => e.itemId)).toEqual(['b']);
    expect(await repo.interactionCount()).toBe(1);
  });

  it('stores the very same event (same id) once, even from two engines at once', async () => {
    const [one, two] = [new Repository(), new Repository()];
    const event = { type: 'like' as const, itemId: 'a', ts, eid: 'e1' };
    await Promise.all([one.addInteractions([event]), two.addInteractions([event])]);
    await one.addInteractions([{ ...event, ts: ts + 1, eid: 'e2' }]);
    await one.addInteractions([{ type: 'view', itemId: 'a', ts, eid: 'e3' }]);
    expect((await one.interactions()).map((e) => `${e.type}@${e.ts - ts}`)).toEqual([
      'like@0',
      'view@0',
      'like@1',
    ]);
  });

  it('keeps distinct events of the same millisecond, item and type (different ids)', async () => {
    const repo = new Repository();
    const events = Array.from({ length: 50 }, (_, i) => ({
      type: 'add_to_cart' as const,
      itemId: 'a',
      ts,
      eid: `cart-${i}`,
    }));
    expect(await repo.addInteractions(events)).toHaveLength(50);
    expect(await repo.addInteractions(events.slice(0, 10))).toHaveLength(0);
    expect(await repo.interactionCount()).toBe(50);
  });

  it('imports without duplicating what is already stored', async () => {
    const repo = new Repository();
    const events = [
      { type: 'view' as const, itemId: 'a', ts },
      { type: 'like' as const, itemId: 'a', ts: ts + 1 },
    ];
    expect(await repo.addInteractions(events)).toHaveLength(2);
    const again = await repo.addInteractions([...events, { type: 'view', itemId: 'c', ts }]);
    expect(again.map((e) => e.itemId)).toEqual(['c']);
    expect(again[0]?.id).toBeTypeOf('number');
    expect(await repo.interactionCount()).toBe(3);
  });

  it('falls back to the most recent good catalogue of another URL', async () => {
    const repo = new Repository();
    await repo.saveCatalogue('https://shop/a.json', catalogue('a'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await repo.saveCatalogue('https://shop/b.json', catalogue('b'));
    expect((await repo.lastGoodCatalogue('https://shop/a.json'))?.catalogue.id).toBe('a');
    expect((await repo.lastGoodCatalogue('https://shop/new.json'))?.catalogue.id).toBe('b');
  });

  it('forget erases history and settings but keeps public catalogue copies', async () => {
    const repo = new Repository();
    await repo.addInteractions([{ type: 'view', itemId: 'a', ts }]);
    await repo.putSettings({ paused: true });
    await repo.saveCatalogue('u', catalogue('a'));
    await repo.forget();
    expect(await repo.interactionCount()).toBe(0);
    expect(await repo.settings()).toEqual({});
    expect(await repo.lastGoodCatalogue('u')).toBeDefined();
  });
});

describe('Repository vectors', () => {
  it('round-trips vectors across several chunks and replaces them atomically', async () => {
    const repo = new Repository();
    const rows = 40_000;
    const dims = 3;
    const hashes = Array.from({ length: rows }, (_, i) => `h${i}`);
    const data = Float32Array.from({ length: rows * dims }, (_, i) => i);
    await repo.saveVectors({ key: 'm|c', model: 'm', dims, hashes, data });
    const stored = await repo.vectors('m|c');
    expect(stored?.hashes).toEqual(hashes);
    expect(Array.from(stored?.data ?? [])).toEqual(Array.from(data));
    // Fewer rows later: the surplus chunks of the old blob must not leak into the new one.
    await repo.saveVectors({
      key: 'm|c',
      model: 'm',
      dims,
      hashes: ['x'],
      data: Float32Array.of(1, 2, 3),
    });
    const smaller = await repo.vectors('m|c');
    expect(smaller?.hashes).toEqual(['x']);
    expect(Array.from(smaller?.data ?? [])).toEqual([1, 2, 3]);
    expect(await repo.vectors('other')).toBeUndefined();
  });
});

describe('schema upgrades', () => {
  it('opens a version 1 database and keeps its interactions, settings and catalogues', async () => {
    // Version 1 as released: interactions, settings and catalogues only.
    await openReleased(DB_NAME, 1, ({ interactions, settings, catalogues }) => {
      interactions?.add({ type: 'like', itemId: 'a', ts });
      settings?.put(['a'], 'excludedItems');
      catalogues?.put({ url: 'old.json', catalogue: catalogue('old'), savedAt: ts });
    });
    const repo = new Repository();
    expect((await repo.interactions()).map((e) => e.itemId)).toEqual(['a']);
    expect(await repo.settings()).toEqual({ excludedItems: ['a'] });
    expect(await repo.lastGoodCatalogue('old.json')).toEqual({
      url: 'old.json',
      catalogue: catalogue('old'),
      savedAt: ts,
    });
    await repo.saveWeights(tinyWeights);
    expect((await repo.weights('k'))?.trainedOn).toBe(1);
    await repo.forget();
    expect(await repo.weights('k')).toBeUndefined();
    expect(await repo.interactionCount()).toBe(0);
  });

  it('opens a version 2 database and keeps its interactions, settings, catalogues and vectors', async () => {
    // Version 2 as released: version 1 plus the `vectors` store.
    await openReleased(DB_NAME, 2, ({ interactions, settings, catalogues, vectors }) => {
      settings?.put(true, 'learningPaused');
      interactions?.add({ type: 'rating', itemId: 'a', ts, value: 4 });
      interactions?.add({ type: 'impression', itemId: 'b', ts: ts + 1 });
      catalogues?.put({ url: 'c.json', catalogue: catalogue('c'), savedAt: ts });
      vectors?.put({
        key: 'm|c',
        kind: 'header',
        model: 'm',
        dims: 2,
        rows: 1,
        chunks: 1,
        savedAt: ts,
      });
      vectors?.put({ key: 'm|c#0', kind: 'chunk', hashes: ['h'], data: Float32Array.of(0.6, 0.8) });
    });
    const repo = new Repository();
    expect(
      (await repo.interactions()).map(({ type, itemId, ts: at, value }) => [
        type,
        itemId,
        at,
        value,
      ]),
    ).toEqual([
      ['rating', 'a', ts, 4],
      ['impression', 'b', ts + 1, undefined],
    ]);
    expect(await repo.settings()).toEqual({ learningPaused: true });
    expect((await repo.lastGoodCatalogue('c.json'))?.catalogue).toEqual(catalogue('c'));
    const vectors = await repo.vectors('m|c');
    expect(vectors?.hashes).toEqual(['h']);
    expect(Array.from(vectors?.data ?? [])).toEqual([
      Float32Array.of(0.6)[0],
      Float32Array.of(0.8)[0],
    ]);
    await repo.saveWeights({ ...tinyWeights, trainedOn: 2, fingerprint: '2:0' });
    expect((await repo.weights('k'))?.trainedOn).toBe(2);
  });
});
