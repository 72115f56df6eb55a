import type { Catalogue } from '../../src/shared/catalogue/schema';
import type {
  BackendName,
  EngineConfig,
  EngineProgress,
  Notice,
} from '../../src/shared/engine-api';
import type { ItemEncoder } from '../../src/shared/encoder/encoder';
import { LexicalEncoder } from '../../src/shared/encoder/lexical';
import { errorMessage } from '../../src/shared/errors';
import { compactMatrix, type ItemMatrix } from '../../src/shared/ranking/matrix';
import { popularityPrior } from '../../src/shared/ranking/prior';
import type { Repository } from '../storage/repository';
import { loadCatalogue, type LoadedCatalogue } from './catalogue-loader';
import { loadCollaborative, type Collaborative } from './collaborative';
import { loadGlobalModel, type GlobalModel } from './global-model';
import { combineVectors } from '../../src/shared/collab/combine';
import { HeadScorer } from './head/head-scorer';
import { initTfBackend } from './head/tf-backend';
import type { Indexer } from './indexer';
import { LazySearch } from './lazy-search';
import type { Visitor } from './visitor';

/**
 * An encoder and the matrix ranking uses (its text vectors, or text and collaborative vectors
 * combined: the text part is then the first `encoder.info.dims` columns, scaled), swapped as one,
 * never mixed. The matrix is the engine's one copy of the item vectors, in compact (int8) form.
 */
export interface VectorIndex {
  encoder: ItemEncoder;
  matrix: ItemMatrix;
}

/**
 * What the engine holds for one catalogue once it is loaded and encoded. The visitor's history
 * and preferences are not here: they outlive catalogues (see visitor.ts).
 */
export interface Loaded {
  catalogue: Catalogue;
  url: string;
  source: 'network' | 'stored';
  indexOf: Map<string, number>;
  index: VectorIndex;
  /** Full-text search over the catalogue's words (the query path of recommend()), built lazily. */
  search: LazySearch;
  prior: Float32Array;
  collaborative: Collaborative | null;
  /** The shop's global item–item model the head starts from and retrieval reads, if any. */
  global: GlobalModel | null;
  notices: Notice[];
  /** The learned head, or null when no TF.js backend could start (then the profile scorer). */
  head: HeadScorer | null;
}

/**
 * Start-up: the catalogue (or its last good copy), the lexical index at once, the TF.js backend
 * and the learned head, then semantic indexing in the background, which swaps the index and
 * rebinds the head together when it is done.
 */
export async function loadState(
  config: EngineConfig,
  repository: Repository,
  visitor: Visitor,
  indexer: Indexer,
  report: (p: EngineProgress) => Promise<void>,
): Promise<Loaded> {
  // Only training waits for the page to receive its progress; start-up and indexing go on.
  const tell = (progress: EngineProgress) => {
    void report(progress);
  };
  // The compute backend needs nothing from the catalogue: it starts while that downloads.
  const backend = initTfBackend(config.backend);
  // Its failure is handled where the head starts (a notice and the profile scorer).
  backend.catch(() => undefined);
  const loaded = await loadCatalogue(config.catalogueUrl, repository, tell);
  return buildState(config, loaded, repository, visitor, indexer, report, () => backend);
}

/** How the head gets its TF.js backend: started here, or the one a running engine already has. */
export type BackendChoice = () => Promise<{ backend: BackendName; notices: Notice[] }>;

/**
 * Everything that depends on the catalogue, built from a loaded one: at start-up, and when an
 * updated catalogue replaces the current one (then with the backend already running).
 */
export async function buildState(
  config: EngineConfig,
  { catalogue, url, source, notices, copied }: LoadedCatalogue,
  repository: Repository,
  visitor: Visitor,
  indexer: Indexer,
  report: (p: EngineProgress) => Promise<void>,
  backend: BackendChoice = () => initTfBackend(config.backend),
): Promise<Loaded> {
  const tell = (progress: EngineProgress) => {
    void report(progress);
  };
  const timer = stageTimer();
  const lexical = new LexicalEncoder(catalogue.items);
  timer.lap('text features');
  const collab = await loadCollaborative(catalogue, url);
  // After the catalogue: the model is checked against its items.
  const global = await loadGlobalModel(catalogue, url);
  // The fp32 text matrix lives only until its compact copy is made.
  const withCollab = (encoder: ItemEncoder, text: ItemMatrix): VectorIndex => ({
    encoder,
    matrix: compactMatrix(
      collab.collaborative
        ? combineVectors(text, collab.collaborative.matrix, collab.collaborative.info.weight)
        : text,
    ),
  });
  const index = withCollab(lexical, await lexical.encodeItems(catalogue.items));
  timer.lap('text index');
  const state: Loaded = {
    catalogue,
    url,
    source,
    indexOf: new Map(catalogue.items.map((item, at) => [item.id, at])),
    index,
    search: new LazySearch(catalogue.items),
    prior: popularityPrior(catalogue.items),
    collaborative: collab.collaborative,
    global: global.global,
    notices: [
      ...notices,
      ...collab.notices,
      ...global.notices,
      ...(await storageNotices(repository)),
    ],
    head: null,
  };
  timer.lap('prior');
  state.head = await startHead(backend, state, repository, visitor, report);
  await bindHead(state);
  timer.lap('learning head');
  // The fallback copy was written while the catalogue was indexed; ready means it is kept.
  state.notices.unshift(...(await copied));
  timer.lap('waiting for the offline copy');
  console.info(`Start-up after the catalogue: ${timer.summary()}.`);
  tell({ stage: 'ready' });
  // Not before ready (seconds at 100,000 items): in the background now, or for the first query.
  state.search.warm();
  indexer.start(
    config,
    catalogue,
    url,
    repository,
    tell,
    async (index) => {
      // Swap only once the head is bound to the new item space, so both change together.
      const next = withCollab(index.encoder, index.matrix);
      await bindHead(state, next);
      state.index = next;
      state.notices.push(...index.notices);
      tell({ stage: 'indexed', encoder: index.encoder.info, notices: state.notices });
    },
    (notice) => {
      state.notices.push(notice);
      tell({ stage: 'indexed', encoder: state.index.encoder.info, notices: state.notices });
    },
  );
  return state;
}

/** Starts the TF.js backend and the learned head; without any backend, the profile scorer. */
async function startHead(
  choose: BackendChoice,
  state: Loaded,
  repository: Repository,
  visitor: Visitor,
  report: (p: EngineProgress) => Promise<void>,
): Promise<HeadScorer | null> {
  try {
    const { backend, notices } = await choose();
    state.notices.push(...notices);
    const head = new HeadScorer(
      backend,
      repository,
      () => Promise.resolve([...visitor.countedHistory()]),
      (trained) => {
        void report({ stage: 'trained', report: trained });
      },
      (epoch, epochs) => report({ stage: 'training', epoch, epochs }),
      () => visitor.preferences.learningPaused,
    );
    return head;
  } catch (error) {
    state.notices.push({
      code: 'backend-unavailable',
      level: 'warning',
      message: `On-device learning is unavailable (${errorMessage(error)}); recommendations use a simpler profile match.`,
    });
    return null;
  }
}

/**
 * Binds the head to an item space, keyed by encoder, dims, catalogue and global model version
 * (a new model starts fine-tuning again from it; the history is kept).
 */
async function bindHead(state: Loaded, index: VectorIndex = state.index): Promise<void> {
  const model = state.global ? `|global:${state.global.info.version}` : '';
  const key = `${index.encoder.info.id}|${index.matrix.dims}|${state.catalogue.id}${model}`;
  const global = state.global?.model ?? null;
  await state.head?.bind(key, index.matrix, state.catalogue.items, state.prior, global);
}

/** Says so when the browser refused storage and the history lives in memory only. */
async function storageNotices(repository: Repository): Promise<Notice[]> {
  const { memory, reason } = await repository.inMemory();
  if (!memory) return [];
  const why = reason ? ` (${reason})` : '';
  return [
    {
      code: 'storage-memory',
      level: 'warning',
      message:
        `This browser does not let this site store data${why}: private browsing does this, and so ` +
        'do browsers that block storage in embedded frames. Recommendations work, but what you ' +
        'do here is forgotten when the page closes.',
    },
  ];
}

/** Milliseconds per start-up stage, for the operator's console (large catalogues). */
function stageTimer(): { lap(name: string): void; summary(): string } {
  let last = performance.now();
  const laps: string[] = [];
  return {
    lap(name) {
      const now = performance.now();
      laps.push(`${name} ${Math.round(now - last)} ms`);
      last = now;
    },
    summary: () => laps.join(', '),
  };
}
