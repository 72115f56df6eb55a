import type { Catalogue } from '../../src/shared/catalogue/schema';
import type { CatalogueRefresh, EngineConfig, EngineProgress } from '../../src/shared/engine-api';
import { errorCode, errorMessage, PrivateRecsError } from '../../src/shared/errors';
import type { Repository } from '../storage/repository';
import { fetchCatalogue, keepCopy } from './catalogue-loader';
import type { Indexer } from './indexer';
import type { Visitor } from './visitor';
import { buildState, type Loaded } from './load-state';

/** What a refresh needs from the engine. */
export interface RefreshContext {
  config: EngineConfig;
  repository: Repository;
  visitor: Visitor;
  indexer: Indexer;
  report: (progress: EngineProgress) => Promise<void>;
}

/**
 * Downloads and validates the catalogue at `url`; only a good one is built into a new state
 * (index, prior, head, semantic indexing), which the caller swaps in. A bad one leaves `current`
 * exactly as it was and the answer says why. An unchanged catalogue rebuilds nothing.
 */
export async function refreshState(
  current: Loaded,
  url: string,
  context: RefreshContext,
): Promise<{ answer: CatalogueRefresh; next: Loaded | null }> {
  let catalogue: Catalogue;
  try {
    // Revalidate with the server: a check for a new version must not be answered by the cache.
    const tell = (progress: EngineProgress) => {
      void context.report(progress);
    };
    catalogue = await fetchCatalogue(url, tell, { cache: 'no-cache' });
  } catch (error) {
    return { answer: refused(error), next: null };
  }
  if (url === current.url && current.source === 'network' && same(catalogue, current.catalogue)) {
    return { answer: accepted(catalogue, false), next: null };
  }
  const { head } = current;
  // No training run may overlap the swap: it would save weights for the old item space.
  await head?.suspend();
  try {
    const { config, repository, visitor, indexer, report } = context;
    const copied = keepCopy(repository, url, catalogue);
    const loaded = { catalogue, url, source: 'network' as const, notices: [], copied };
    const backend = head
      ? () => Promise.resolve({ backend: head.backend, notices: backendNotices(current) })
      : undefined;
    const next = await buildState(config, loaded, repository, visitor, indexer, report, backend);
    await head?.retire();
    current.search.cancel();
    return { answer: accepted(catalogue, true), next };
  } catch (error) {
    head?.resume();
    return { answer: refused(error), next: null };
  }
}

function same(a: Catalogue, b: Catalogue): boolean {
  return a.id === b.id && a.version === b.version && JSON.stringify(a) === JSON.stringify(b);
}

function backendNotices(state: Loaded) {
  return state.notices.filter((notice) => notice.code === 'backend-unavailable');
}

function accepted(catalogue: Catalogue, changed: boolean): CatalogueRefresh {
  const { id, items } = catalogue;
  return { ok: true, id, version: catalogue.version ?? null, items: items.length, changed };
}

function refused(error: unknown): CatalogueRefresh {
  if (error instanceof PrivateRecsError) {
    return { ok: false, code: error.code, message: error.message };
  }
  // Not a refusal the loader foresaw: say so plainly, and keep the details for developers.
  console.error('Updating the catalogue failed unexpectedly.', error);
  return {
    ok: false,
    code: errorCode(error) ?? 'catalogue-invalid',
    message: `The catalogue could not be updated (${errorMessage(error)}); the current one stays in use.`,
  };
}
