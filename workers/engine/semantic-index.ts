import { vectorSpecs, type Catalogue } from '../../src/shared/catalogue/schema';
import type { EngineProgress, Notice, VectorStats } from '../../src/shared/engine-api';
import { itemText } from '../../src/shared/encoder/encoder';
import {
  dropDamagedRows,
  reuseRows,
  textHash,
  type VectorRows,
} from '../../src/shared/encoder/vector-cache';
import { compactVectors, decodeVectors } from '../../src/shared/encoder/vector-format';
import { PrivateRecsError, errorMessage } from '../../src/shared/errors';
import type { ItemMatrix } from '../../src/shared/ranking/matrix';
import type { Repository } from '../storage/repository';
import { TransformersEncoder, type TransformerSettings } from './transformers-encoder';

/** Items encoded per step: progress and cancellation granularity. */
const STEP = 256;
/**
 * Each save rewrites the whole cached matrix, so saves are spaced to about eight per run (at
 * least every STEP items): a cancelled or crashed run keeps most of its work at linear cost.
 */
const SAVES_PER_RUN = 8;

export interface SemanticIndex {
  encoder: TransformersEncoder;
  matrix: ItemMatrix;
  stats: VectorStats;
  notices: Notice[];
}

interface Job {
  catalogue: Catalogue;
  catalogueUrl: string;
  settings: TransformerSettings;
  repository: Repository;
  signal: AbortSignal;
  report: (progress: EngineProgress) => void;
}

/**
 * Loads the text model and builds the catalogue's vector matrix: shipped vectors when they match
 * the model, else cached rows for unchanged items, encoding only new or changed items.
 */
export async function buildSemanticIndex(job: Job): Promise<SemanticIndex> {
  const { catalogue, settings, report } = job;
  const model = settings.modelId;
  const encoder = await TransformersEncoder.load(settings, (p) => {
    report({ stage: 'model', model, ...p });
  });
  const dims = encoder.info.dims;
  const texts = catalogue.items.map(itemText);
  const hashes = texts.map(textHash);
  const notices: Notice[] = [];
  const shipped = await shippedVectors(job, dims, hashes).catch((error: unknown) => {
    notices.push({
      code: 'vectors-invalid',
      level: 'warning',
      message: `The catalogue's precomputed vectors were not used: ${errorMessage(error)}. Items are encoded on this device instead.`,
    });
    return undefined;
  });
  if (shipped && 'matrix' in shipped) {
    // Shipped int8 rows are used as they are: the compact matrix, no copy and nothing to cache.
    const stats = { model, precomputed: hashes.length, cached: 0, encoded: 0 };
    return { encoder, matrix: shipped.matrix, stats, notices };
  }
  const key = `${model}|${settings.dtype}|${catalogue.id}`;
  const cached = shipped ? undefined : await cachedRows(job.repository, key, notices);
  const { data, missing } = reuseRows(hashes, dims, shipped ?? cached);
  const stats: VectorStats = {
    model,
    precomputed: shipped ? hashes.length - missing.length : 0,
    cached: shipped ? 0 : hashes.length - missing.length,
    encoded: missing.length,
  };
  const save = (done: number) => {
    // Rows not encoded yet get an empty hash, so that they never match on the next visit.
    const pending = new Set(missing.slice(done));
    const saved = hashes.map((hash, i) => (pending.has(i) ? '' : hash));
    return job.repository.saveVectors({ key, model, dims, hashes: saved, data });
  };
  report({ stage: 'encode', model, done: 0, total: missing.length });
  const saveEvery = Math.max(STEP, Math.ceil(missing.length / SAVES_PER_RUN));
  let saved = 0;
  for (let start = 0; start < missing.length; start += STEP) {
    const chunk = missing.slice(start, start + STEP);
    let rows: Float32Array;
    try {
      rows = await encoder.encodeTexts(
        chunk.map((i) => texts[i] ?? ''),
        job.signal,
        (done) => {
          report({ stage: 'encode', model, done: start + done, total: missing.length });
        },
      );
    } catch (error) {
      if (error instanceof PrivateRecsError && error.code === 'cancelled' && start > saved) {
        await save(start);
      }
      throw error;
    }
    chunk.forEach((itemIndex, j) => {
      data.set(rows.subarray(j * dims, (j + 1) * dims), itemIndex * dims);
    });
    const done = start + chunk.length;
    if (done - saved >= saveEvery || done === missing.length) {
      await save(done);
      saved = done;
    }
  }
  return { encoder, matrix: { rows: hashes.length, dims, data }, stats, notices };
}

/**
 * The vectors saved on an earlier visit, checked: a damaged cache or damaged rows (not finite,
 * not unit length) are left out with a notice, so those items are encoded again and saved anew.
 */
async function cachedRows(
  repository: Repository,
  key: string,
  notices: Notice[],
): Promise<VectorRows | undefined> {
  const { vectors, damage } = await repository.readVectors(key);
  const checked = vectors ? dropDamagedRows(vectors) : undefined;
  const dropped = checked?.dropped ?? 0;
  if (damage !== null || dropped > 0) {
    const what = damage ?? `${dropped} of ${vectors?.hashes.length ?? 0} rows are not unit vectors`;
    const message = `The item vectors saved on this device were damaged (${what}); ${damage ? 'they are' : 'those items are'} computed again.`;
    console.warn(message);
    notices.push({ code: 'vectors-rebuilt', level: 'info', message });
  }
  return checked?.rows;
}

/**
 * The catalogue's own vectors, when it ships some for this model and they are well formed: int8
 * files as the compact matrix itself, float32 files as rows.
 */
async function shippedVectors(
  job: Job,
  dims: number,
  hashes: readonly string[],
): Promise<VectorRows | { matrix: ItemMatrix } | undefined> {
  const spec = vectorSpecs(job.catalogue).find(
    (candidate) => candidate.kind === 'text' && candidate.model === job.settings.modelId,
  );
  if (!spec) return undefined;
  if (spec.dims !== dims) throw new Error(`they have ${spec.dims} dims, the model ${dims}`);
  if (spec.dtype === 'float16') throw new Error('float16 vectors are not supported');
  const response = await fetch(new URL(spec.url, job.catalogueUrl));
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const bytes = await response.arrayBuffer();
  if (spec.dtype === 'int8') return { matrix: compactVectors(bytes, hashes.length, dims) };
  return { dims, hashes, data: decodeVectors(bytes, spec.dtype, hashes.length, dims) };
}
