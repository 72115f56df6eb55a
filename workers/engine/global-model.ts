import type { Catalogue } from '../../src/shared/catalogue/schema';
import type { GlobalModelInfo, Notice } from '../../src/shared/engine-api';
import { errorMessage } from '../../src/shared/errors';
import {
  decodeModel,
  GLOBAL_MODEL_FORMAT,
  MODEL_LIMIT_BYTES,
} from '../../src/shared/global/model-file';
import type { SparseRows } from '../../src/shared/global/sparse-rows';
import { paramsProblem } from './head/scoring-head';

/** The shop's global model in use, and what the status says of it. */
export interface GlobalModel {
  model: SparseRows;
  info: GlobalModelInfo;
}

/**
 * Fetches the catalogue's global model (`model`, built by `npm run catalogue:build`), if it names
 * one, and checks it before use: the format, the size (at most what the catalogue declares and
 * MODEL_LIMIT_BYTES, checked while it downloads), its SHA-256 and its layout against the
 * catalogue's items. Any problem is a notice and no model: the head then starts from its
 * built-in weights, and everything else works as before.
 */
export async function loadGlobalModel(
  catalogue: Catalogue,
  catalogueUrl: string,
): Promise<{ global: GlobalModel | null; notices: Notice[] }> {
  const spec = catalogue.model;
  if (!spec) return { global: null, notices: [] };
  try {
    if (spec.format !== GLOBAL_MODEL_FORMAT) {
      throw new Error(`its format "${spec.format}" is not one this app reads`);
    }
    if (spec.bytes > MODEL_LIMIT_BYTES) {
      throw new Error(`it is larger than ${MODEL_LIMIT_BYTES / 1024 / 1024} MB`);
    }
    const response = await fetch(new URL(spec.url, catalogueUrl));
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const data = await readCapped(response, spec.bytes);
    const digest = await sha256Hex(data);
    if (digest !== spec.sha256.toLowerCase()) throw new Error('the file does not match its hash');
    const file = decodeModel(
      data,
      catalogue.items.map((item) => item.id),
    );
    const { model } = file;
    // A starting head of another layout (another version of the head) is not this app's.
    const head = model.startHead ? paramsProblem({ ...model.startHead, dims: 0 }, 0) : null;
    if (head !== null) throw new Error(`its starting head does not fit this app (${head})`);
    return {
      global: {
        model,
        info: {
          format: GLOBAL_MODEL_FORMAT,
          version: digest.slice(0, 12),
          items: model.rows,
          entries: model.cols.length,
          k: model.k,
          startHead: model.startHead !== undefined,
        },
      },
      notices: [],
    };
  } catch (error) {
    return {
      global: null,
      notices: [
        {
          code: 'global-model-invalid',
          level: 'warning',
          message: `The shop's recommendation model was not used: ${errorMessage(error)}. Recommendations learn from this device alone.`,
        },
      ],
    };
  }
}

/** The body, refused as soon as it grows past `max` bytes (a server may lie or send no length). */
async function readCapped(response: Response, max: number): Promise<ArrayBuffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > max) throw new Error(`it is larger than the ${max} bytes the catalogue declares`);
  const reader = response.body?.getReader();
  if (!reader) return new ArrayBuffer(0);
  const out = new Uint8Array(max);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > max) {
      await reader.cancel();
      throw new Error(`it is larger than the ${max} bytes the catalogue declares`);
    }
    out.set(value, length);
    length += value.byteLength;
  }
  return out.buffer.slice(0, length);
}

async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
