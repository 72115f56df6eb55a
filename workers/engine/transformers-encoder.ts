import {
  env,
  pipeline,
  type FeatureExtractionPipeline,
  type ProgressInfo,
} from '@huggingface/transformers';
import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import {
  itemText,
  type CancelSignal,
  type EncodeProgress,
  type EncoderInfo,
  type ItemEncoder,
} from '../../src/shared/encoder/encoder';
import { ModelError, PrivateRecsError, errorMessage } from '../../src/shared/errors';
import type { ItemMatrix } from '../../src/shared/ranking/matrix';

export type EncoderDevice = 'webgpu' | 'wasm' | 'cpu';
export type EncoderDtype = 'q8' | 'fp32';

/** Where and how to run a sentence encoder; the same code runs in the worker and in Node. */
export interface TransformerSettings {
  modelId: string;
  device: EncoderDevice;
  dtype: EncoderDtype;
  /** URL (browser) or folder (Node) under which `<modelId>/config.json` and `onnx/` live. */
  modelRoot: string;
  /**
   * The self-hosted onnxruntime-web WASM binary (browser only). Without it Transformers.js would
   * fetch the runtime from a CDN; its JS glue is bundled, so no `mjs` path is needed.
   */
  wasmPaths?: { wasm: string };
  batchSize?: number;
}

/** Bytes and files of a model download, summed over its files. */
export interface ModelProgress {
  file: string;
  loaded: number;
  total: number;
  filesDone: number;
  filesTotal: number;
}

const DEFAULT_BATCH = 32;
const PROBE = 'A quiet burr coffee grinder for espresso.';

/** The Transformers.js feature-extraction encoder: mean pooling, unit-length output. */
export class TransformersEncoder implements ItemEncoder {
  private constructor(
    readonly info: EncoderInfo,
    private readonly extractor: FeatureExtractionPipeline,
    private readonly batchSize: number,
  ) {}

  /** Loads the model (reporting download progress) and checks that it yields sane vectors. */
  static async load(
    settings: TransformerSettings,
    onProgress?: (progress: ModelProgress) => void,
  ): Promise<TransformersEncoder> {
    configureTransformers(settings);
    await assertInstalled(settings);
    let extractor: FeatureExtractionPipeline;
    try {
      extractor = await pipeline('feature-extraction', settings.modelId, {
        device: settings.device,
        dtype: settings.dtype,
        progress_callback: progressReporter(onProgress),
      });
    } catch (error) {
      throw new ModelError(
        'model-unavailable',
        `The text model "${settings.modelId}" could not be loaded (${errorMessage(error)}).`,
      );
    }
    const probe = await embed(extractor, [PROBE]);
    checkVectors(settings.modelId, probe.data, 1, probe.dims);
    const info: EncoderInfo = {
      id: settings.modelId,
      kind: 'transformer',
      dims: probe.dims,
      device: settings.device,
      dtype: settings.dtype,
    };
    return new TransformersEncoder(info, extractor, settings.batchSize ?? DEFAULT_BATCH);
  }

  async encodeItems(
    items: readonly CatalogueItem[],
    signal?: CancelSignal,
    onProgress?: EncodeProgress,
  ): Promise<ItemMatrix> {
    const data = await this.encodeTexts(items.map(itemText), signal, onProgress);
    return { rows: items.length, dims: this.info.dims, data };
  }

  async encodeQuery(text: string): Promise<Float32Array> {
    return this.encodeTexts([text]);
  }

  /** Encodes texts in batches into one contiguous row-major matrix. */
  async encodeTexts(
    texts: readonly string[],
    signal?: CancelSignal,
    onProgress?: EncodeProgress,
  ): Promise<Float32Array> {
    const dims = this.info.dims;
    const out = new Float32Array(texts.length * dims);
    for (let start = 0; start < texts.length; start += this.batchSize) {
      if (signal?.aborted) throw new PrivateRecsError('cancelled', 'Encoding was cancelled.');
      const batch = texts.slice(start, start + this.batchSize);
      const result = await embed(this.extractor, batch);
      if (result.dims !== dims) {
        throw new ModelError('model-invalid', `"${this.info.id}" changed its output width.`);
      }
      checkVectors(this.info.id, result.data, batch.length, dims);
      out.set(result.data, start * dims);
      onProgress?.(Math.min(start + batch.length, texts.length), texts.length);
    }
    return out;
  }

  /** Frees the inference session (GPU buffers included). */
  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }
}

async function embed(
  extractor: FeatureExtractionPipeline,
  texts: string[],
): Promise<{ data: Float32Array; dims: number }> {
  const tensor = await extractor(texts, { pooling: 'mean', normalize: true });
  try {
    const [rows, dims] = tensor.dims;
    if (tensor.dims.length !== 2 || rows !== texts.length || !dims) {
      throw new ModelError(
        'model-invalid',
        `The text model returned shape [${tensor.dims.join(', ')}] for ${texts.length} texts; expected [${texts.length}, dims].`,
      );
    }
    return { data: Float32Array.from(tensor.data as ArrayLike<number>), dims };
  } finally {
    tensor.dispose();
  }
}

/** Rejects vectors that are not finite or not unit length: the sign of corrupt weights. */
function checkVectors(modelId: string, data: Float32Array, rows: number, dims: number): void {
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let i = r * dims; i < (r + 1) * dims; i++) norm += (data[i] ?? NaN) ** 2;
    if (!Number.isFinite(norm) || Math.abs(Math.sqrt(norm) - 1) > 1e-3) {
      throw new ModelError(
        'model-invalid',
        `The text model "${modelId}" produced invalid vectors (not finite or not unit length); its files may be corrupt.`,
      );
    }
  }
}

/** Checks for the model's config.json first, so a missing model gets a message that says so. */
async function assertInstalled(settings: TransformerSettings): Promise<void> {
  if (!/^https?:/.test(settings.modelRoot)) return;
  const url = new URL(`${settings.modelId}/config.json`, settings.modelRoot);
  let response: Response;
  try {
    response = await rejectHtml(url);
  } catch (error) {
    throw new ModelError(
      'model-unavailable',
      `The text model "${settings.modelId}" could not be reached (${errorMessage(error)}).`,
    );
  }
  if (!response.ok) {
    throw new ModelError(
      'model-unavailable',
      `The text model "${settings.modelId}" is not installed on this site (${url.pathname} answered ${response.status}). Run "npm run models -- ${settings.modelId}" to install it.`,
    );
  }
}

/** Points Transformers.js at the model root and the self-hosted runtime (global settings). */
export function configureTransformers(settings: TransformerSettings): void {
  if (/^https?:/.test(settings.modelRoot)) {
    // Our own model folder acts as the "remote" host: Transformers.js 4.3 skips file-existence
    // checks for local paths that are URLs, and then silently loads no tokenizer.
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.remoteHost = settings.modelRoot;
    env.remotePathTemplate = '{model}/';
  } else {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = settings.modelRoot;
  }
  env.fetch = rejectHtml;
  const wasm = env.backends.onnx.wasm;
  if (settings.wasmPaths && wasm) wasm.wasmPaths = settings.wasmPaths;
}

/**
 * A static host or dev server answers a missing file with index.html and status 200; passed on,
 * that page would be cached as a model file forever (transformers.js #1187). Treat it as a 404.
 */
async function rejectHtml(input: string | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
    return new Response(null, { status: 404, statusText: 'Not Found (a web page was served)' });
  }
  return response;
}

function progressReporter(
  onProgress: ((progress: ModelProgress) => void) | undefined,
): (info: ProgressInfo) => void {
  const files = new Map<string, { loaded: number; total: number; done: boolean }>();
  return (info) => {
    if (!onProgress || !('file' in info)) return;
    const entry = files.get(info.file) ?? { loaded: 0, total: 0, done: false };
    if (info.status === 'progress')
      Object.assign(entry, { loaded: info.loaded, total: info.total });
    if (info.status === 'done') entry.done = true;
    files.set(info.file, entry);
    let loaded = 0;
    let total = 0;
    let filesDone = 0;
    for (const file of files.values()) {
      loaded += file.loaded;
      total += file.total;
      if (file.done) filesDone += 1;
    }
    onProgress({ file: info.file, loaded, total, filesDone, filesTotal: files.size });
  };
}
