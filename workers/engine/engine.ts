import * as tf from '@tensorflow/tfjs-core';
import { transfer } from 'comlink';
import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import type {
  CampaignOptions,
  CampaignView,
  CatalogueRefresh,
  EngineApi,
  EngineChange,
  EngineConfig,
  EngineProgress,
  EngineStatus,
  ItemMatrixDiagnostics,
  ExperimentView,
  HistoryPage,
  ImportResult,
  InterestView,
  LearningState,
  Recommendation,
  RecommendOptions,
} from '../../src/shared/engine-api';
import type { EncoderInfo } from '../../src/shared/encoder/encoder';
import { errorCode, InteractionError, PrivateRecsError } from '../../src/shared/errors';
import { importRejected } from '../../src/shared/interactions/import-file';
import { parseJsonl, toJsonl } from '../../src/shared/interactions/jsonl';
import { aggregateSignals } from '../../src/shared/interactions/signals';
import {
  withPicked,
  withSignal,
  withoutSignal,
  type LocalSignal,
} from '../../src/shared/interactions/local-signals';
import { LocalTaste } from './local-taste';
import {
  cartLines,
  itemState,
  withdrawn,
  WITHDRAWABLE,
  type CartLine,
  type ItemState,
  type Withdrawable,
} from '../../src/shared/interactions/item-state';
import {
  checkEvent,
  freshImpressions,
  isEngagement,
  type StoredInteraction,
  type TrackEvent,
} from '../../src/shared/interactions/types';
import { matrixBytes, matrixForm, textVectors } from '../../src/shared/ranking/matrix';
import { scanFloorMs } from './scan-floor';
import { describeReason, reasonView } from '../../src/shared/ranking/explain';
import { ProfileScorer, type PersonalScorer } from '../../src/shared/ranking/personal';
import { findInterests } from '../../src/shared/ranking/interests';
import { firstStage, recommendFeed, type FirstStage } from '../../src/shared/ranking/feed';
import type { Ranked } from '../../src/shared/ranking/rank';
import { searchFeed, type SearchInput } from '../../src/shared/search/search-feed';
import { padVector } from '../../src/shared/collab/combine';
import { Repository } from '../storage/repository';
import { holdAliveLock } from './alive-lock';
import { pruneNotice, unsavedNotice } from './prune-notice';
import { Indexer } from './indexer';
import { loadState, type Loaded } from './load-state';
import { refreshState } from './catalogue-refresh';
import type { Preferences } from './preferences';
import { ChangeFeed } from './change-feed';
import { Visitor } from './visitor';
import { Campaigns } from './campaigns';
import { Experiment } from './experiment';
import { foreground } from './foreground';

const DEFAULT_COUNT = 12;

/** Storage is full: the A/B credit is lost, the event itself is kept (history.ts). */
function creditNotSaved(error: unknown): void {
  if (errorCode(error) !== 'storage-quota') throw error;
  console.warn('private-recs: storage is full; an A/B test credit was not saved.', error);
}
const MAX_COUNT = 200;

/**
 * The recommender engine: owns the catalogue, its vectors and the visitor's state (history and
 * preferences in memory, written through to IndexedDB), and pushes one notification per change.
 */
export class Engine implements EngineApi {
  private loaded: Promise<Loaded> | null = null;
  private readonly changes = new ChangeFeed(() => this.status());
  private readonly visitor: Visitor;
  private readonly fallbackScorer: PersonalScorer = new ProfileScorer();
  private readonly indexer: Indexer;
  private readonly campaigns: Campaigns;
  private readonly experimentState: Experiment;
  private readonly localTaste = new LocalTaste();
  private config: EngineConfig | null = null;
  private report: (progress: EngineProgress) => Promise<void> = () => Promise.resolve();
  /** Catalogue updates run one at a time. */
  private refreshing: Promise<unknown> = Promise.resolve();

  /** `appRoot`: the build's root folder, where `models/` is. */
  constructor(
    appRoot: URL,
    private readonly repository = new Repository(),
  ) {
    this.indexer = new Indexer(appRoot);
    this.campaigns = new Campaigns(repository);
    this.experimentState = new Experiment(repository);
    this.visitor = new Visitor(repository, (kind) => {
      // Stored settings were read anew (another tab, an import, an erasure).
      if (kind === 'preferences') this.experimentState.invalidate();
      this.changes.mark(kind);
    });
  }

  init(
    config: EngineConfig,
    onProgress?: (progress: EngineProgress) => void,
    onChange?: (change: EngineChange) => void,
  ): Promise<EngineStatus> {
    // Progress is best effort: a page that went away must not fail the load. Returns when the
    // page has received it (training waits for that after each epoch).
    const report = (progress: EngineProgress): Promise<void> => {
      // New weights or a new encoder change what is recommended.
      if (progress.stage === 'trained') this.changes.mark('model');
      if (progress.stage === 'indexed') this.changes.mark('encoder');
      return Promise.resolve(onProgress?.(progress)).catch(() => undefined);
    };
    this.config = config;
    this.report = report;
    this.loaded = this.visitor
      .reload()
      .then(() => loadState(config, this.repository, this.visitor, this.indexer, report));
    const started = this.status();
    // Changes are pushed from the first status on (the page attaches before start-up ends).
    void started.then(
      () => {
        this.changes.listen(onChange);
      },
      () => undefined,
    );
    return started;
  }

  refreshCatalogue(url?: string): Promise<CatalogueRefresh> {
    const run = this.refreshing.then(() => this.refreshOnce(url));
    // The caller gets this run's failure; the queue only waits for it to end.
    this.refreshing = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async refreshOnce(url: string | undefined): Promise<CatalogueRefresh> {
    const current = await this.ready();
    const config = this.config;
    if (!config) throw new PrivateRecsError('engine-not-ready', 'The engine was not started.');
    let target: string;
    try {
      target = new URL(url ?? config.catalogueUrl, config.catalogueUrl).href;
    } catch {
      const message = `"${String(url).slice(0, 200)}" is not a valid catalogue address.`;
      return { ok: false, code: 'catalogue-unreachable', message };
    }
    const context = {
      config,
      repository: this.repository,
      visitor: this.visitor,
      indexer: this.indexer,
    };
    const { answer, next } = await refreshState(current, target, {
      ...context,
      report: this.report,
    });
    if (next) {
      this.loaded = Promise.resolve(next);
      // Later refreshes without an address check the catalogue now in use.
      this.config = { ...config, catalogueUrl: target };
      this.changes.mark('catalogue');
    }
    return answer;
  }

  async status(): Promise<EngineStatus> {
    const state = await this.ready();
    const learning: LearningState = state.head?.state() ?? {
      // Without a head nothing trains, but a pause still stops recording: say so.
      state: this.visitor.preferences.learningPaused ? 'paused' : 'idle',
      backend: 'cpu',
      trainedOn: 0,
      last: null,
    };
    // Storage ran full at some point: say what was removed to make room.
    const pruned = [
      pruneNotice(this.repository.pruned),
      unsavedNotice(this.visitor.history.unsaved()),
    ].filter((notice) => notice !== null);
    return {
      backend: learning.backend,
      learning,
      excludedItems: this.visitor.preferences.excludedItems.length,
      encoder: state.index.encoder.info,
      items: state.catalogue.items.length,
      ...this.visitor.history.counts(),
      byType: this.visitor.history.typeCounts(),
      catalogue: {
        id: state.catalogue.id,
        name: state.catalogue.name ?? null,
        language: state.catalogue.language ?? null,
        version: state.catalogue.version ?? null,
        url: state.url,
        source: state.source,
      },
      semantic: this.indexer.state,
      collaborative: state.collaborative?.info ?? null,
      globalModel: state.global?.info ?? null,
      notices: [...state.notices, ...pruned],
    };
  }

  async items(): Promise<CatalogueItem[]> {
    return (await this.ready()).catalogue.items;
  }

  async track(input: TrackEvent): Promise<void> {
    const state = await this.ready();
    const checked = checkEvent(input, Date.now());
    if (!checked.ok) {
      throw new InteractionError(
        'event-invalid',
        `This event was not recorded: ${checked.reason}.`,
      );
    }
    if (!state.indexOf.has(checked.event.itemId)) {
      throw new InteractionError(
        'event-invalid',
        `This event was not recorded: item "${checked.event.itemId}" is not in the catalogue "${state.catalogue.id}".`,
      );
    }
    // Paused learning records nothing (bad input is still answered): the visitor asked the app
    // to stop watching.
    if (this.visitor.preferences.learningPaused) return;
    // A call repeated after a worker crash carries the same id: it is stored once.
    if (this.visitor.history.has(checked.event)) return;
    const [stored] = await this.visitor.history.add([checked.event]);
    if (stored) await this.experimentState.record(stored).catch(creditNotSaved);
    state.head?.schedule();
  }

  async experiment(): Promise<ExperimentView> {
    const state = await this.ready();
    return this.experimentState.view((state.head?.state().trainedOn ?? 0) > 0);
  }

  async resetExperiment(): Promise<void> {
    await this.ready();
    await this.experimentState.reset();
    this.changes.mark('preferences');
  }

  /** Ranked ahead of training (foreground.ts): the visitor is waiting for the list. */
  async recommend(options: RecommendOptions = {}): Promise<Recommendation[]> {
    await this.ready();
    return foreground(() => this.rank(options));
  }

  private async rank(options: RecommendOptions): Promise<Recommendation[]> {
    const state = await this.ready();
    const { matrix } = state.index;
    const count = Math.max(1, Math.min(MAX_COUNT, Math.floor(options.count ?? DEFAULT_COUNT)));
    const history = this.visitor.countedHistory();
    const queryText = options.query?.trim();
    const contextIndex =
      options.contextItemId === undefined ? undefined : state.indexOf.get(options.contextItemId);
    const now = Date.now();
    // The plain feed leans towards the interests the visitor picked and the words they searched.
    const plainFeed = !queryText && options.contextItemId === undefined;
    const prior = plainFeed
      ? await this.localTaste.prior(
          this.visitor.preferences.localSignals,
          now,
          state.index.encoder,
          matrix,
          state.prior,
        )
      : state.prior;
    const input = {
      items: state.catalogue.items,
      matrix,
      prior,
      indexOf: state.indexOf,
      history,
      now,
      global: state.global?.model ?? null,
    };
    const stated = plainFeed
      ? this.localTaste.stated(this.visitor.preferences.localSignals, now, state.catalogue.items)
      : undefined;
    const rankOptions = { count, contextIndex, stated };
    // The A/B test's two arms rank the same candidates: one scan of the matrix per request.
    let stage: FirstStage | undefined;
    const rankWith = (scorer: PersonalScorer) =>
      recommendFeed({ ...input, scorer }, rankOptions, (stage ??= firstStage(input, rankOptions)));
    // The feed itself (no query, no item page) runs the A/B test once the head has learned.
    const learned = state.head && state.head.state().trainedOn > 0 ? state.head : null;
    const feed = plainFeed && learned;
    const scorer = state.head ?? this.fallbackScorer;
    const ranked = queryText
      ? await this.search(state, { ...input, scorer }, queryText, count)
      : feed
        ? await this.experimentState.feed(
            rankWith,
            learned,
            this.fallbackScorer,
            input.items,
            count,
          )
        : await rankWith(scorer);
    return ranked.map(({ index, score, reason }) => {
      const item = state.catalogue.items[index];
      const sourceIndex = 'sourceIndex' in reason ? reason.sourceIndex : undefined;
      const reasonItemId =
        sourceIndex === undefined ? undefined : state.catalogue.items[sourceIndex]?.id;
      return {
        itemId: item?.id ?? '',
        score,
        reason: describeReason(reason, state.catalogue.items),
        why: reasonView(reason, state.catalogue.items),
        ...(reasonItemId === undefined ? {} : { reasonItemId }),
      };
    });
  }

  /**
   * A search: the items matching the query's words, reordered by taste (search-feed.ts). With a
   * text model, items close in meaning but sharing no word follow them, never ahead.
   */
  private async search(
    state: Loaded,
    input: Omit<SearchInput, 'index'>,
    text: string,
    count: number,
  ): Promise<Ranked[]> {
    const index = await state.search.get();
    const matches = await searchFeed({ ...input, index }, { text, count });
    const { encoder, matrix } = state.index;
    if (matches.length >= count || encoder.info.kind === 'lexical') return matches;
    const vector = padVector(await encoder.encodeQuery(text), matrix.dims);
    const found = new Set(matches.map((match) => match.index));
    const related = await recommendFeed(input, { count, query: { text, vector } });
    const more = related.filter((entry) => !found.has(entry.index));
    return [...matches, ...more].slice(0, count);
  }

  async campaign(options: CampaignOptions = {}): Promise<CampaignView | null> {
    const state = await this.ready();
    // Paused learning records nothing, showings included (capping then counts no views).
    const record = !this.visitor.preferences.learningPaused;
    return this.campaigns.choose(state, this.visitor.countedHistory(), options, record);
  }

  async dismissCampaign(id: string): Promise<void> {
    await this.ready();
    await this.campaigns.dismiss(id);
    // Views of it in this tab and in the origin's other tabs hide it without a reload.
    this.visitor.campaignsChanged();
  }

  async dismissedCampaigns(): Promise<string[]> {
    await this.ready();
    return this.campaigns.dismissed();
  }

  async history(page?: HistoryPage): Promise<StoredInteraction[]> {
    await this.ready();
    const all = this.visitor.history.all();
    if (page === undefined) return [...all];
    // Newest first, walking back only as far as the page needs (a long history is not copied).
    const limit = Math.max(0, Math.floor(page.limit));
    const newest: StoredInteraction[] = [];
    for (let i = all.length - 1; i >= 0 && newest.length < limit; i--) {
      const event = all[i];
      if (event && isEngagement(event)) newest.push(event);
    }
    return newest;
  }

  async recordImpressions(itemIds: string[]): Promise<number> {
    const state = await this.ready();
    if (this.visitor.preferences.learningPaused) return 0;
    const now = Date.now();
    const known = itemIds.filter((id) => state.indexOf.has(id));
    const fresh = freshImpressions(known, this.visitor.history.all(), now);
    const events = fresh.map((itemId) => ({ type: 'impression' as const, itemId, ts: now }));
    // Silent, as the API says: recording what a list showed must not refresh that list.
    return (await this.visitor.history.add(events, null, false)).length;
  }

  async deleteImpressions(): Promise<void> {
    const state = await this.ready();
    await this.visitor.history.deleteImpressions();
    state.head?.schedule();
  }

  async deleteInteraction(id: number): Promise<void> {
    const state = await this.ready();
    await this.visitor.history.delete(id);
    state.head?.schedule();
  }

  async itemState(itemId: string): Promise<ItemState> {
    await this.ready();
    return itemState(this.visitor.history.all(), itemId);
  }

  async cart(): Promise<CartLine[]> {
    const state = await this.ready();
    // Items a catalogue update removed stay in the history, not in the cart.
    return cartLines(this.visitor.history.all()).filter((line) => state.indexOf.has(line.itemId));
  }

  async withdraw(itemId: string, type: Withdrawable): Promise<number> {
    const state = await this.ready();
    if (!WITHDRAWABLE.includes(type)) {
      throw new InteractionError(
        'event-invalid',
        `Only ${WITHDRAWABLE.join(', ')} can be taken back.`,
      );
    }
    const ids = withdrawn(this.visitor.history.all(), itemId, type);
    await this.visitor.history.delete(...ids);
    if (ids.length > 0) state.head?.schedule();
    return ids.length;
  }

  async undo(eid: string): Promise<boolean> {
    const state = await this.ready();
    // The event may still be on its way to the database.
    await this.visitor.history.settled();
    const ids = this.visitor.history
      .all()
      .filter((event) => event.eid === eid)
      .map((event) => event.id);
    await this.visitor.history.delete(...ids);
    if (ids.length > 0) state.head?.schedule();
    return ids.length > 0;
  }

  async localSignals(): Promise<LocalSignal[]> {
    await this.ready();
    return this.visitor.preferences.localSignals;
  }

  async recordSearch(text: string): Promise<void> {
    await this.ready();
    // Paused learning records nothing, searches included.
    if (this.visitor.preferences.learningPaused || typeof text !== 'string') return;
    const current = this.visitor.preferences;
    const localSignals = withSignal(current.localSignals, 'search', text, Date.now());
    await this.setPreferences({ ...current, localSignals });
  }

  async pickInterests(texts: string[]): Promise<void> {
    await this.ready();
    if (this.visitor.preferences.learningPaused) return;
    const words = texts.filter((text): text is string => typeof text === 'string').slice(0, 20);
    const current = this.visitor.preferences;
    const localSignals = withPicked(current.localSignals, words, Date.now());
    await this.setPreferences({ ...current, localSignals });
  }

  async deleteLocalSignal(kind: LocalSignal['kind'], text: string): Promise<void> {
    await this.ready();
    const current = this.visitor.preferences;
    const localSignals = withoutSignal(current.localSignals, kind, text);
    await this.setPreferences({ ...current, localSignals });
  }

  async exportData(): Promise<string> {
    await this.ready();
    await this.visitor.history.settled();
    return toJsonl(this.visitor.history.all(), await this.repository.settings());
  }

  async importData(text: string): Promise<ImportResult> {
    await this.ready();
    // Lines about items this catalogue lacks are kept, as the history about them is (issue 16).
    const parsed = parseJsonl(text, Date.now());
    if (parsed.interactions.length === 0 && parsed.settings === null) {
      throw importRejected(parsed);
    }
    const added = await this.visitor.history.add(parsed.interactions, parsed.settings);
    if (parsed.settings) await this.visitor.importedSettings();
    // Nothing new (a file imported again): no work, so the answer takes as long as ever.
    if (added.length > 0 || parsed.settings) (await this.ready()).head?.schedule();
    const { rejected, problems, lines } = parsed;
    return { imported: added.length, rejected, problems, lines };
  }

  async forget(): Promise<void> {
    const head = (await this.ready()).head;
    // Stop training first, so that no run can save weights learned from the erased history.
    await head?.reset();
    // Writes already queued land first (held ones are dropped), so none outlives the erasure.
    await this.visitor.history.erase(() => this.repository.forget());
    this.visitor.erased();
  }

  async profile(): Promise<InterestView[]> {
    const state = await this.ready();
    const history = this.visitor.countedHistory();
    const signals = aggregateSignals(history, state.indexOf, Date.now());
    const items = state.catalogue.items;
    return findInterests(signals, state.index.matrix, items).map((interest) => ({
      id: interest.id,
      label: interest.label,
      share: interest.share,
      percent: interest.percent,
      itemIds: interest.items.map((i) => items[i]?.id ?? ''),
    }));
  }

  async removeInterest(id: string): Promise<void> {
    const interest = (await this.profile()).find((candidate) => candidate.id === id);
    if (!interest) return;
    const current = this.visitor.preferences;
    const excluded = new Set([...current.excludedItems, ...interest.itemIds]);
    await this.setPreferences({ ...current, excludedItems: [...excluded] });
  }

  async restoreInterests(): Promise<void> {
    await this.setPreferences({ ...this.visitor.preferences, excludedItems: [] });
  }

  async setLearningPaused(paused: boolean): Promise<void> {
    await this.setPreferences({ ...this.visitor.preferences, learningPaused: paused });
  }

  private async setPreferences(preferences: Preferences): Promise<void> {
    const state = await this.ready();
    await this.visitor.setPreferences(preferences);
    state.head?.schedule();
  }

  async whenTrained(): Promise<EngineStatus> {
    await (await this.ready()).head?.idle();
    return this.status();
  }

  async whenIndexed(): Promise<EngineStatus> {
    await this.ready();
    await this.indexer.settled();
    return this.status();
  }

  cancelIndexing(): Promise<void> {
    this.indexer.cancel();
    return Promise.resolve();
  }

  async itemVectors(): Promise<{
    encoder: EncoderInfo;
    ids: string[];
    dims: number;
    data: Float32Array;
  }> {
    const state = await this.ready();
    const { encoder, matrix } = state.index;
    const ids = state.catalogue.items.map((item) => item.id);
    // A fresh fp32 copy of the text part (the engine's matrix is compact and stays where it is).
    const data = textVectors(matrix, encoder.info.dims);
    // Moved, not copied, across the worker boundary.
    return transfer({ encoder: encoder.info, ids, dims: encoder.info.dims, data }, [data.buffer]);
  }

  async itemMatrix(runs = 0): Promise<ItemMatrixDiagnostics> {
    const { matrix } = (await this.ready()).index;
    return {
      form: matrixForm(matrix),
      rows: matrix.rows,
      dims: matrix.dims,
      bytes: matrixBytes(matrix),
      scanMs: runs > 0 ? scanFloorMs(matrix, runs) : null,
    };
  }

  tensorMemory(): Promise<{ tensors: number; bytes: number }> {
    const { numTensors, numBytes } = tf.memory();
    return Promise.resolve({ tensors: numTensors, bytes: numBytes });
  }

  fetchedUrls(): Promise<string[]> {
    // A worker has its own resource timeline: the page cannot see these fetches.
    return Promise.resolve(performance.getEntriesByType('resource').map((entry) => entry.name));
  }

  holdAliveLock(name: string): Promise<boolean> {
    return holdAliveLock(name);
  }

  async embed(
    texts: string[],
  ): Promise<{ encoder: EncoderInfo; dims: number; data: Float32Array }> {
    const { encoder } = (await this.ready()).index;
    const rows = await Promise.all(texts.map((text) => encoder.encodeQuery(text)));
    const dims = encoder.info.dims;
    const data = new Float32Array(rows.length * dims);
    rows.forEach((row, i) => {
      data.set(row, i * dims);
    });
    return transfer({ encoder: encoder.info, dims, data }, [data.buffer]);
  }

  private ready(): Promise<Loaded> {
    if (!this.loaded) {
      return Promise.reject(
        new PrivateRecsError('engine-not-ready', 'The engine was not started.'),
      );
    }
    return this.loaded;
  }
}
