import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import type { EngineConfig } from '../../src/shared/engine-api';
import { SearchIndex } from '../../src/shared/search/search-index';
import { Repository } from '../storage/repository';
import { Indexer } from './indexer';
import { LazySearch } from './lazy-search';
import { buildState } from './load-state';
import { Visitor } from './visitor';

const items: CatalogueItem[] = Array.from({ length: 5_000 }, (_, i) => ({
  id: `i${i}`,
  title: i === 4_321 ? 'Quiet burr grinder' : `Plain thing ${i}`,
  category: 'Home > Things',
}));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('LazySearch', () => {
  it('builds in the background step by step, waiting its turn between steps', async () => {
    let turns = 0;
    const search = new LazySearch(items, () => {
      turns += 1;
      return Promise.resolve();
    });
    search.warm();
    // A turn before the first step (after ready), then one between each step of 2,000 items.
    await vi.waitFor(() => {
      expect(turns).toBe(3);
    });
    const index = await search.get();
    expect(index.search('grinder').map((hit) => hit.row)).toEqual([4_321]);
    // Built once: a later query gets the same index.
    expect(await search.get()).toBe(index);
  });

  it('a query while the background build waits for its turn hurries it and gets the index', async () => {
    const never = () => new Promise<void>(() => undefined);
    const search = new LazySearch(items, never);
    search.warm();
    const index = await search.get();
    expect(index.search('burr grinder')[0]?.row).toBe(4_321);
  });

  it('a cancelled background build stops; a later query builds afresh', async () => {
    const steps = vi.spyOn(SearchIndex, 'buildInSteps');
    const search = new LazySearch(items, () => Promise.resolve());
    search.warm();
    search.cancel();
    await vi.waitFor(() => {
      expect(steps).toHaveBeenCalledTimes(1);
    });
    await expect(steps.mock.results[0]?.value).rejects.toMatchObject({ code: 'cancelled' });
    expect((await search.get()).search('grinder')).toHaveLength(1);
  });
});

describe('start-up', () => {
  it('answers ready before the search index is built, and a query still finds its items', async () => {
    const build = vi.spyOn(SearchIndex, 'build');
    const steps = vi.spyOn(SearchIndex, 'buildInSteps');
    const repository = new Repository();
    const visitor = new Visitor(repository, () => undefined);
    const config: EngineConfig = {
      catalogueUrl: 'https://shop.example/c.json',
      backend: 'cpu',
      model: 'lexical',
      dtype: null,
      modelRoot: null,
    };
    const catalogue = { schema: 'private-recs/catalogue@1' as const, id: 'c', items };
    const state = await buildState(
      config,
      {
        catalogue,
        url: config.catalogueUrl,
        source: 'network',
        notices: [],
        copied: Promise.resolve([]),
      },
      repository,
      visitor,
      new Indexer(new URL('https://shop.example/')),
      () => Promise.resolve(),
      () => Promise.reject(new Error('no TF.js backend in this test')),
    );
    // Ready: no index was built on the way (the old start-up built it in full here).
    expect(build).not.toHaveBeenCalled();
    expect(steps).not.toHaveBeenCalled();
    const index = await state.search.get();
    expect(index.search('grinder').map((hit) => hit.row)).toEqual([4_321]);
    visitor.close();
  });
});
