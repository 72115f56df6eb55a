import type {
  BackendName,
  CampaignOptions,
  CampaignView,
  CatalogueRefresh,
  EngineChange,
  EngineConfig,
  EngineProgress,
  EngineStatus,
  ImportResult,
  Recommendation,
  RecommendOptions,
} from '../shared/engine-api';
import {
  checkCampaignId,
  checkCampaignOptions,
  checkCatalogueUrl,
  checkImportData,
  checkRecommendOptions,
  checkTrackEvent,
} from '../shared/api-args';
import { IMPORT_LIMITS, importRejected } from '../shared/interactions/import-file';
import type { TrackEvent } from '../shared/interactions/types';
import { newEventId } from './coalesce';
import { EngineSupervisor, type EngineHandle } from './engine-supervisor';

/** What ready() resolves to (the public contract of PRODUCT.md). */
export interface ReadyInfo {
  backend: BackendName;
  encoder: string;
  items: number;
  interactions: number;
  /** Which build of the shop's global model the head starts from (status().globalModel), or null. */
  globalModel: string | null;
  /**
   * On how many of the visitor's interactions the personal head was last trained (fine-tuned from
   * the global model when there is one); 0 before the first training run.
   */
  fineTunedOn: number;
}

/**
 * The public JavaScript API (`window.privateRecs`). Every call runs in the engine worker, which
 * owns the state. Events: `change` (a CustomEvent whose `detail` is an EngineChange: what changed
 * and the status now, or null after a restart) once per change to the history, preferences,
 * weights, encoder or catalogue, here or in another tab; `status` (`detail`: an EngineChange)
 * when only counts changed (the items a list showed were recorded) or a campaign was dismissed
 * here or in another tab (`kinds` holds `campaigns`), so lists must not refresh;
 * `progress` (`detail`: an EngineProgress)
 * while the catalogue, the text model and item vectors load; `restart` (`detail.reason` says why)
 * when the engine worker crashed or stopped and a new one is starting; calls wait for it, and
 * `change` follows once it is up.
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

  /** Starts an engine worker with this configuration. */
  constructor(config: EngineConfig) {
    super();
    const onProgress = (progress: EngineProgress) => {
      this.dispatchEvent(new CustomEvent('progress', { detail: progress }));
    };
    const onChange = (change: EngineChange) => {
      // Recording what a list showed changes counts, not lists: a page that refreshed its list on
      // it would record more, and so on. Those changes are a `status` event only, and so is a
      // dismissed campaign (campaign views watch for it: see campaign-watch.ts).
      const listsMayChange = change.kinds.some(
        (kind) => kind !== 'impressions' && kind !== 'campaigns',
      );
      const type = listsMayChange ? 'change' : 'status';
      this.dispatchEvent(new CustomEvent<EngineChange | null>(type, { detail: change }));
    };
    this.supervisor = new EngineSupervisor(config, onProgress, onChange, (reason, ready) => {
      this.dispatchEvent(new CustomEvent('restart', { detail: { reason } }));
      // Up again, or given up: either way what is shown must be asked for anew.
      const refresh = () =>
        this.dispatchEvent(new CustomEvent<EngineChange | null>('change', { detail: null }));
      ready.then(refresh, refresh);
    });
    this.started = this.supervisor.ready();
  }

  async ready(): Promise<ReadyInfo> {
    await this.started;
    const status = await this.internals.status();
    return {
      backend: status.backend,
      encoder: status.encoder.id,
      items: status.items,
      interactions: status.interactions,
      globalModel: status.globalModel?.version ?? null,
      fineTunedOn: status.learning.trainedOn,
    };
  }

  async track(event: TrackEvent): Promise<void> {
    // Checked and stamped here with the time and a unique id, so a call repeated after a worker
    // crash stores the same event once, while distinct calls are all kept. The worker tells
    // listeners of the change. (The widget's API stamps an event it sends to several frames
    // once, for all of them.)
    const checked = checkTrackEvent(event, Date.now());
    await this.internals.track({ ...checked, eid: checked.eid ?? newEventId() });
  }

  async recommend(options?: RecommendOptions): Promise<Recommendation[]> {
    return this.internals.recommend(checkRecommendOptions(options));
  }

  /**
   * The campaign this device picks for this view from the visitor's interests, or null; each
   * answer with a campaign counts as one showing of it (at most 3 a day per campaign).
   *
   * @example
   * const promo = await privateRecs.campaign({ items: 4 });
   * if (promo) show(promo.title, promo.reason);
   */
  async campaign(options?: CampaignOptions): Promise<CampaignView | null> {
    return this.internals.campaign(checkCampaignOptions(options));
  }

  /** The visitor dismissed the campaign: this device never shows it again. */
  async dismissCampaign(id: string): Promise<void> {
    return this.internals.dismissCampaign(checkCampaignId(id));
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
        lines: [],
        refused: `the file is larger than ${IMPORT_LIMITS.size / 1024 / 1024} MB`,
      });
    }
    return this.internals.importData(await data.text());
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
    if (answer.ok && answer.changed) this.dispatchEvent(new Event('catalogue'));
    return answer;
  }

  forget(): Promise<void> {
    return this.internals.forget();
  }

  /** Stops the engine worker (an engine that failed to start, or one no longer needed). */
  close(): void {
    this.supervisor.close();
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
}
