import type { CatalogueItem } from './catalogue/schema';
import type { CartLine, ItemState, Withdrawable } from './interactions/item-state';
import type { LocalSignal } from './interactions/local-signals';
import type { ReasonView } from './ranking/explain';
import type { CampaignReasonView } from './campaigns/reason';
import type { EncoderInfo } from './encoder/encoder';
import type { ErrorCode } from './errors';
import type { TypeCounts } from './interactions/type-counts';
import type { StoredInteraction, TrackEvent } from './interactions/types';

export type BackendName = 'webgpu' | 'wasm' | 'cpu';

/** Set once when the engine starts; the demo app fills it from its URL parameters. */
export interface EngineConfig {
  /** Absolute URL of the catalogue JSON. */
  catalogueUrl: string;
  /** A forced compute backend, or null to pick the best available one. */
  backend: BackendName | null;
  /** A forced encoder model id ("lexical" for the built-in one), or null for the default. */
  model: string | null;
  /** Forced model precision (`?dtype=`), or null for q8. */
  dtype: 'q8' | 'fp32' | null;
  /** Base URL of model folders (`<root><model id>/config.json`); null: the app's own /models/. */
  modelRoot: string | null;
}

/** Progress of the slow parts of start-up and of background indexing, one union for all. */
export type EngineProgress =
  | { stage: 'catalogue'; loaded: number; total: number | null }
  /** The downloaded catalogue's items are being checked (a slice at a time). */
  | { stage: 'reading'; done: number; total: number }
  | { stage: 'checking'; done: number; total: number }
  | { stage: 'ready' }
  | {
      stage: 'model';
      model: string;
      file: string;
      loaded: number;
      total: number;
      filesDone: number;
      filesTotal: number;
    }
  | { stage: 'encode'; model: string; done: number; total: number }
  | { stage: 'indexed'; encoder: EncoderInfo; notices: Notice[] }
  | { stage: 'trained'; report: TrainReport }
  /** An epoch of on-device training ended; the run waits for the page to receive this. */
  | { stage: 'training'; epoch: number; epochs: number };

/** Where the current item vectors came from. */
export interface VectorStats {
  model: string;
  /** Rows shipped with the catalogue (`vectors` in the contract). */
  precomputed: number;
  /** Rows reused from IndexedDB because the item text did not change. */
  cached: number;
  /** Rows encoded on this device during the last indexing run. */
  encoded: number;
}

/** The semantic encoder's state: off (lexical only), loading, encoding, ready or failed. */
export type SemanticState =
  | { state: 'off' }
  | { state: 'loading' | 'encoding'; model: string }
  | { state: 'ready'; model: string; stats: VectorStats }
  | { state: 'failed' | 'cancelled'; model: string; reason: string };

/** Something the visitor should know: a fallback in use, a failed update, a stored copy. */
export interface Notice {
  code: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** Training statistics of one run of the personal head. */
export interface TrainReport {
  examples: number;
  held: number;
  epochs: number;
  trainLoss: number;
  validLoss: number | null;
  ms: number;
}

/** The personal head: its backend, whether it is training, and on how many events it learned. */
export interface LearningState {
  state: 'idle' | 'training' | 'paused';
  backend: BackendName;
  trainedOn: number;
  last: TrainReport | null;
}

/** An interest as the privacy page shows it. */
export interface InterestView {
  id: string;
  label: string;
  /** Share of the visitor's positive signal weight, 0–1. */
  share: number;
  /** The share in whole percent; the interests' percents add up to exactly 100. */
  percent: number;
  itemIds: string[];
}

export interface EngineStatus {
  backend: BackendName;
  learning: LearningState;
  /** Items whose events no longer count (removed interests). */
  excludedItems: number;
  encoder: EncoderInfo;
  items: number;
  /** Engagement events (views, clicks, likes, purchases, …); impressions are counted apart. */
  interactions: number;
  impressions: number;
  /** Stored events per type (impressions included); types with none are left out. */
  byType: TypeCounts;
  catalogue: {
    id: string;
    /** The shop's name on screen, when the catalogue gives one. */
    name: string | null;
    /** The catalogue's language (BCP 47), when it gives one. */
    language: string | null;
    version: string | null;
    url: string;
    source: 'network' | 'stored';
  };
  semantic: SemanticState;
  /** The shop's collaborative vectors in use beside the text vectors, if the catalogue has any. */
  collaborative: CollaborativeInfo | null;
  /** The shop's global model the head starts from (for operators), or null when none is used. */
  globalModel: GlobalModelInfo | null;
  notices: Notice[];
}

/** The shop's global model file in use (`model` in the catalogue contract). */
export interface GlobalModelInfo {
  format: string;
  /** The first 12 hex digits of the file's SHA-256: which build of the model this is. */
  version: string;
  items: number;
  /** Item–item entries the file holds, at most `k` per item. */
  entries: number;
  k: number;
  /** Whether the head starts from a starting point the shop learned from its log (model file v3). */
  startHead: boolean;
}

/** Collaborative vectors shipped with the catalogue (computed from aggregate usage). */
export interface CollaborativeInfo {
  model: string;
  dims: number;
  /** Their share in the combined similarity. */
  weight: number;
}

export interface RecommendOptions {
  count?: number;
  query?: string;
  contextItemId?: string;
}

export interface Recommendation {
  itemId: string;
  score: number;
  reason: string;
  /** The history item the reason names, when it names one. */
  reasonItemId?: string;
  /** The reason as data, so a page can word it in its own language (`reason` is English). */
  why?: ReasonView;
}

export interface CampaignOptions {
  /** How many of the campaign's items to return with it, nearest the visitor's taste first. */
  items?: number;
}

/**
 * The visitor's private A/B test of two feed strategies, the learned head against the profile
 * scorer (workers/engine/experiment.ts): credited engagements, the sign test's p-value, and the
 * strategy the feed uses ('both' while it interleaves them).
 */
export interface ExperimentView {
  credits: { learned: number; profile: number };
  p: number;
  since: number;
  inUse: 'both' | 'learned' | 'profile';
  settled: boolean;
}

/** The campaign chosen on this device for this view (see src/shared/campaigns/choose.ts). */
export interface CampaignView {
  id: string;
  title: string;
  text?: string;
  /** Why it was chosen, in English ("Because you like Coffee & Tea"). */
  reason: string;
  /** The reason as data, so a page can word it in its own language. */
  why: CampaignReasonView;
  /** Some of its items (available, not bought), nearest the visitor's taste first. */
  itemIds: string[];
}

export interface ImportResult {
  imported: number;
  rejected: number;
  /** Up to a few plain-language descriptions of rejected lines (in English). */
  problems: string[];
  /**
   * The numbers (from 1) of the first rejected lines, which `problems` describes, so a page can
   * name them in its own language; none when the file is wrong as a whole.
   */
  lines: number[];
}

/** The answer of refreshCatalogue(): the catalogue now in use, or why the new one was refused. */
export type CatalogueRefresh =
  | { ok: true; id: string; version: string | null; items: number; changed: boolean }
  | { ok: false; code: ErrorCode; message: string };

/** What changed in the engine's state (several changes close together arrive as one). */
export type ChangeKind =
  | 'history'
  | 'preferences'
  | 'model'
  | 'encoder'
  | 'catalogue'
  /** Only items shown were recorded: counts change, lists must not refresh (a `status` event, not `change`). */
  | 'impressions'
  /**
   * A campaign was dismissed, here or in another tab: campaign views check whether theirs still
   * stands (see dismissedCampaigns()); lists do not refresh (a `status` event alone).
   */
  | 'campaigns'
  /**
   * Everything stored was erased ("erase everything", here or in another tab); arrives with
   * `history` or `preferences`. What was shown because of the erased history goes (a
   * campaign's reason names what the visitor liked).
   */
  | 'erased';

/**
 * Pushed by the worker after its state changed: what changed, and the status as it now is, so
 * the page re-renders once per change without asking again.
 */
export interface EngineChange {
  /** Increases with every notification of this worker. */
  revision: number;
  kinds: ChangeKind[];
  status: EngineStatus;
}

/** The engine worker's RPC surface (exposed with Comlink; every method runs in the worker). */
/** A page of the engagement history (impressions left out), newest first. */
export interface HistoryPage {
  limit: number;
}

export interface EngineApi {
  init(
    config: EngineConfig,
    onProgress?: (progress: EngineProgress) => void,
    onChange?: (change: EngineChange) => void,
  ): Promise<EngineStatus>;
  status(): Promise<EngineStatus>;
  items(): Promise<CatalogueItem[]>;
  track(event: TrackEvent): Promise<void>;
  recommend(options?: RecommendOptions): Promise<Recommendation[]>;
  /**
   * At most one of the catalogue's campaigns for this view, chosen on the device from the
   * visitor's interests (null when none fits, or all are dismissed or shown enough today).
   * Counts as one showing of it (frequency capping), except while learning is paused.
   */
  campaign(options?: CampaignOptions): Promise<CampaignView | null>;
  /** The visitor dismissed this campaign: it is never chosen again (until forget()). */
  dismissCampaign(id: string): Promise<void>;
  /** The ids of the dismissed campaigns, oldest first (a view hides its campaign once listed). */
  dismissedCampaigns(): Promise<string[]>;
  /** The feed's A/B test of strategies: tally and strategy in use. */
  experiment(): Promise<ExperimentView>;
  /** Starts the A/B test afresh. */
  resetExperiment(): Promise<void>;
  /** Every stored event, oldest first; or, with a page, the newest `limit` engagement events. */
  history(page?: HistoryPage): Promise<StoredInteraction[]>;
  deleteInteraction(id: number): Promise<void>;
  /** What the visitor has said or done about one item (verdict, cart, purchase). */
  itemState(itemId: string): Promise<ItemState>;
  /** The local cart: items added to the cart after their last purchase, latest first. */
  cart(): Promise<CartLine[]>;
  /**
   * Takes back a like, a dislike or a cart addition of this item: those events leave the history
   * (a cart addition: the ones since its last purchase). Resolves with how many went.
   */
  withdraw(itemId: string, type: Withdrawable): Promise<number>;
  /** Removes the event the page tracked with this event id (undo); false when none is stored. */
  undo(eid: string): Promise<boolean>;
  /** Interests picked on a first visit and typed searches, oldest first (kept on the device). */
  localSignals(): Promise<LocalSignal[]>;
  /** Keeps a search the visitor typed as a weak signal (nothing while learning is paused). */
  recordSearch(text: string): Promise<void>;
  /** Replaces the interests picked on a first visit (categories or typed words). */
  pickInterests(texts: string[]): Promise<void>;
  /** Deletes one picked interest or search. */
  deleteLocalSignal(kind: LocalSignal['kind'], text: string): Promise<void>;
  exportData(): Promise<string>;
  importData(text: string): Promise<ImportResult>;
  forget(): Promise<void>;
  /** Resolves once background indexing has finished (or failed, or was cancelled). */
  whenIndexed(): Promise<EngineStatus>;
  /** Stops background encoding; the lexical encoder stays in use and finished rows are kept. */
  cancelIndexing(): Promise<void>;
  /** The catalogue's item vectors under the encoder in use, in catalogue order. */
  itemVectors(): Promise<{ encoder: EncoderInfo; ids: string[]; dims: number; data: Float32Array }>;
  /**
   * Records that these items were shown (impressions: weak negatives while never clicked), at
   * most once per item per 30 minutes. Silent: no change event, no training of its own.
   */
  recordImpressions(itemIds: string[]): Promise<number>;
  /** Deletes every recorded impression (the engagement history stays). */
  deleteImpressions(): Promise<void>;
  /** The visitor's history clustered into labelled interests (k-means over item vectors). */
  profile(): Promise<InterestView[]>;
  /** Stops an interest's items from counting (their events stay in the history). */
  removeInterest(id: string): Promise<void>;
  /** Lets every removed interest count again. */
  restoreInterests(): Promise<void>;
  /** While paused, nothing is recorded and nothing is learned. */
  setLearningPaused(paused: boolean): Promise<void>;
  /** Resolves when the personal head has no training pending or running. */
  whenTrained(): Promise<EngineStatus>;
  /**
   * URLs of the files the engine has fetched so far (its resource timing): catalogue, vectors,
   * model files, WebAssembly runtimes. The app re-requests them through its service worker once
   * that first takes control, so a single visit is enough to work offline.
   */
  fetchedUrls(): Promise<string[]>;
  /** The TF.js backend's tensor count and bytes (soak benchmark; flat over a long session). */
  tensorMemory(): Promise<{ tensors: number; bytes: number }>;
  /**
   * The item matrix ranking reads (its form, size and bytes), and the scan floor of the scale
   * benchmark: the median time of `runs` bare scans of that same matrix by one dense query,
   * measured here in the worker.
   */
  itemMatrix(runs?: number): Promise<ItemMatrixDiagnostics>;
  /**
   * Downloads the catalogue again (or the one at `url`) and, only when it is valid, swaps it in;
   * otherwise the current catalogue stays in use and the answer says why.
   */
  refreshCatalogue(url?: string): Promise<CatalogueRefresh>;
  /**
   * Holds the Web Lock `name` for the worker's life, so the page learns when the worker is gone
   * (crashed, closed or terminated). False where the browser has no Web Locks here.
   */
  holdAliveLock(name: string): Promise<boolean>;
  /** Encodes texts with the encoder in use (for parity tests and benchmarks). */
  embed(texts: string[]): Promise<{ encoder: EncoderInfo; dims: number; data: Float32Array }>;
}

/** The item matrix as the engine holds it (benchmarks and diagnostics). */
export interface ItemMatrixDiagnostics {
  form: 'fp32' | 'int8' | 'int8-sparse';
  rows: number;
  dims: number;
  bytes: number;
  /** Median ms of one bare similarity scan of every row (0 runs: not measured, null). */
  scanMs: number | null;
}
