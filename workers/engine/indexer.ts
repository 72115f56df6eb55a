// The WASM runtime is emitted as one of the app's own assets, so no CDN is ever contacted.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { Catalogue } from '../../src/shared/catalogue/schema';
import type {
  EngineConfig,
  EngineProgress,
  Notice,
  SemanticState,
} from '../../src/shared/engine-api';
import { modelFor } from '../../src/shared/encoder/models';
import { errorCode, errorMessage, PrivateRecsError } from '../../src/shared/errors';
import type { Repository } from '../storage/repository';
import { chooseEncoderDevice } from './compute-device';
import { buildSemanticIndex, type SemanticIndex } from './semantic-index';

/** Runs semantic indexing in the background, one run at a time, and can cancel it. */
export class Indexer {
  state: SemanticState = { state: 'off' };
  private controller: AbortController | null = null;
  private running: Promise<void> = Promise.resolve();

  /** `appRoot`: where the build's `models/` folder is (the folder of index.html and widget.js). */
  constructor(private readonly appRoot: URL) {}

  /** Starts indexing; `onReady` receives the finished index, `onNotice` any problem. */
  start(
    config: EngineConfig,
    catalogue: Catalogue,
    catalogueUrl: string,
    repository: Repository,
    report: (progress: EngineProgress) => void,
    onReady: (index: SemanticIndex) => Promise<void>,
    onNotice: (notice: Notice) => void,
  ): void {
    const model = modelFor(config.model, catalogue);
    if (!model) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.state = { state: 'loading', model };
    this.running = (async () => {
      const { device, notices } = await chooseEncoderDevice(config.backend);
      notices.forEach(onNotice);
      const index = await buildSemanticIndex({
        catalogue,
        catalogueUrl,
        repository,
        signal: controller.signal,
        report: (progress) => {
          if (progress.stage === 'encode') this.state = { state: 'encoding', model };
          report(progress);
        },
        settings: {
          modelId: model,
          device,
          dtype: config.dtype ?? 'q8',
          modelRoot: config.modelRoot ?? new URL('models/', this.appRoot).href,
          wasmPaths: { wasm: new URL(ortWasmUrl, this.appRoot).href },
        },
      });
      // Cancel also holds when nothing was left to encode (every row cached or shipped).
      if (controller.signal.aborted)
        throw new PrivateRecsError('cancelled', 'Indexing was cancelled.');
      await onReady(index);
      if (this.controller === controller)
        this.state = { state: 'ready', model, stats: index.stats };
    })().catch((error: unknown) => {
      // A run superseded by a newer start (a catalogue update) ends silently.
      if (this.controller !== controller) return;
      const cancelled = errorCode(error) === 'cancelled';
      if (!cancelled) console.warn('Semantic indexing failed; staying lexical.', error);
      const reason = errorMessage(error);
      this.state = { state: cancelled ? 'cancelled' : 'failed', model, reason };
      onNotice({
        code: cancelled ? 'indexing-cancelled' : (errorCode(error) ?? 'model-unavailable'),
        level: cancelled ? 'info' : 'warning',
        message: cancelled
          ? `Semantic indexing with "${model}" was cancelled; items are matched by their words. Finished items are kept for next time.`
          : `${reason} Items are matched by their words instead (built-in lexical encoder).`,
      });
    });
  }

  /** Resolves when the current run has ended, however it ended. */
  settled(): Promise<void> {
    return this.running;
  }

  cancel(): void {
    this.controller?.abort();
  }
}
