import type {
  BackendName,
  CatalogueRefresh,
  EngineConfig,
  EngineProgress,
  EngineStatus,
  ImportResult,
  Recommendation,
  RecommendOptions,
} from '../shared/engine-api';
import {
  checkCatalogueUrl,
  checkImportData,
  checkRecommendOptions,
  checkTrackEvent,
} from '../shared/api-args';
import { IMPORT_LIMITS, importRejected } from '../shared/interactions/import-file';
import type { TrackEvent } from '../shared/interactions/types';
import { EngineSupervisor, type EngineHandle } from './engine-supervisor';

/** What ready() resolves to (the public contract of PRODUCT.md). */
export interface ReadyInfo {
  backend: BackendName;
  encoder: string;
  items: number;
  interactions: number;
}

/**
 * The public JavaScript API (`window.privateRecs`). Every call runs in the engine worker. Events:
 * `change` after anything that changes the visitor's history or the encoder in use; `progress` (a CustomEvent whose
 * `detail` is an EngineProgress) while the catalogue, the text model and item vectors load;
 * `restart` (a CustomEvent whose `detail.reason` says why) when the engine worker crashed or
 * stopped and a new one is starting; calls wait for it, and `change` follows once it is up.
 *
 * @example
 * await privateRecs.ready();
 * await privateRecs.track({ type: 'view', itemId: 'sku-0042' });
 * const recs = await privateRecs.recommend({ count: 8 });
 */
export class PrivateRecs extends EventTarget {
  private readonly supervisor: EngineSupervisor;
  /** Resolves when the catalogue is loaded and recommendations can be made. */
  readonly started: Promise<EngineStatus>;
  /** Other engines of this origin (tabs, widget frames) that share the stored history. */
  private readonly peers =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel('private-recs:history') : null;

  /** Starts an engine worker with this configuration. */
  constructor(config: EngineConfig) {
    super();
    const onProgress = (progress: EngineProgress) => {
      this.dispatchEvent(new CustomEvent('progress', { detail: progress }));
      // A new encoder, a failed attempt (with its notice) or new weights change what is shown.
      if (progress.stage === 'indexed' || progress.stage === 'trained')
        this.dispatchEvent(new Event('change'));
    };
    this.supervisor = new EngineSupervisor(config, onProgress, (reason, ready) => {
      this.dispatchEvent(new CustomEvent('restart', { detail: { reason } }));
      // Up again, or given up: either way what is shown must be asked for anew.
      const refresh = () => this.dispatchEvent(new Event('change'));
      ready.then(refresh, refresh);
    });
    this.started = this.supervisor.ready();
    // Another engine changed the shared history: what this one shows may change too.
    this.peers?.addEventListener('message', () => {
      this.dispatchEvent(new Event('change'));
    });
  }

  async ready(): Promise<ReadyInfo> {
    await this.started;
    const status = await this.internals.status();
    return {
      backend: status.backend,
      encoder: status.encoder.id,
      items: status.items,
      interactions: status.interactions,
    };
  }

  async track(event: TrackEvent): Promise<void> {
    // Checked and stamped here, so a call repeated after a worker crash stores the same event once.
    await this.internals.track(checkTrackEvent(event, Date.now()));
    this.changed();
  }

  async recommend(options?: RecommendOptions): Promise<Recommendation[]> {
    return this.internals.recommend(checkRecommendOptions(options));
  }

  async exportData(): Promise<Blob> {
    const text = await this.internals.exportData();
    return new Blob([text], { type: 'application/x-ndjson' });
  }

  async importData(data: Blob): Promise<ImportResult> {
    checkImportData(data);
    // Refused before reading: a huge file would be held in memory twice (here and in the worker).
    if (data.size > IMPORT_LIMITS.size) {
      throw importRejected({
        rejected: 0,
        problems: [],
        refused: `the file is larger than ${IMPORT_LIMITS.size / 1024 / 1024} MB`,
      });
    }
    const result = await this.internals.importData(await data.text());
    this.changed();
    return result;
  }

  /**
   * Checks the catalogue (or the one at `url`, relative to the page) for a new version and swaps
   * it in when it is valid; otherwise the current one stays and the answer says why. Fires
   * `catalogue` and `change` when the catalogue changed.
   *
   * @example
   * const answer = await privateRecs.refreshCatalogue();
   * if (!answer.ok) console.warn(answer.message);
   */
  async refreshCatalogue(url?: string): Promise<CatalogueRefresh> {
    checkCatalogueUrl(url);
    const absolute = url === undefined ? undefined : new URL(url, window.location.href).href;
    const answer = await this.internals.refreshCatalogue(absolute);
    if (answer.ok && answer.changed) {
      this.dispatchEvent(new Event('catalogue'));
      this.changed();
    }
    return answer;
  }

  async forget(): Promise<void> {
    await this.internals.forget();
    this.changed();
  }

  /** Stops the engine worker (an engine that failed to start, or one no longer needed). */
  close(): void {
    this.supervisor.close();
    this.peers?.close();
  }

  /**
   * Stops the engine worker at once, as a crash would, and starts a new one with the same
   * configuration; resolves when it is ready. Nothing stored is lost. (Recovery and test hook.)
   */
  restartEngine(): Promise<EngineStatus> {
    return this.supervisor.restart();
  }

  /** How many times the engine worker was replaced (crashed, stopped, or restartEngine()). */
  get restarts(): number {
    return this.supervisor.restarts;
  }

  /** The engine handle for the demo app's own views (status, items, history); survives restarts. */
  get internals(): EngineHandle {
    return this.supervisor.handle;
  }

  /**
   * Tells listeners, here and in other tabs and frames of this origin, that recommendations may
   * have changed (also after edits via `internals`). The message carries nothing.
   */
  changed(): void {
    this.dispatchEvent(new Event('change'));
    this.peers?.postMessage(null);
  }
}
