import type { CatalogueItem } from './catalogue/schema';
import type { EncoderInfo } from './encoder/encoder';
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
}

/** Progress of the slow parts of start-up, one union for every stage. */
export type EngineProgress =
  | { stage: 'catalogue'; loaded: number; total: number | null }
  | { stage: 'encode'; done: number; total: number }
  | { stage: 'ready' };

/** Something the visitor should know: a fallback in use, a failed update, a stored copy. */
export interface Notice {
  code: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface EngineStatus {
  backend: BackendName;
  encoder: EncoderInfo;
  items: number;
  interactions: number;
  catalogue: { id: string; version: string | null; url: string; source: 'network' | 'stored' };
  notices: Notice[];
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
}

export interface ImportResult {
  imported: number;
  rejected: number;
  /** Up to a few plain-language descriptions of rejected lines. */
  problems: string[];
}

/** The engine worker's RPC surface (exposed with Comlink; every method runs in the worker). */
export interface EngineApi {
  init(
    config: EngineConfig,
    onProgress?: (progress: EngineProgress) => void,
  ): Promise<EngineStatus>;
  status(): Promise<EngineStatus>;
  items(): Promise<CatalogueItem[]>;
  track(event: TrackEvent): Promise<void>;
  recommend(options?: RecommendOptions): Promise<Recommendation[]>;
  history(): Promise<StoredInteraction[]>;
  deleteInteraction(id: number): Promise<void>;
  exportData(): Promise<string>;
  importData(text: string): Promise<ImportResult>;
  forget(): Promise<void>;
}
