import type { StoredVectors, VectorRecord } from './db';
import { CATALOGUE_LIMITS } from '../../src/shared/catalogue/schema';

type Header = Extract<VectorRecord, { kind: 'header' }>;

/** Rows per stored vector chunk. */
export const VECTOR_CHUNK_ROWS = 16_384;
/** More rows than any catalogue may have means a damaged header. */
const MAX_ROWS = CATALOGUE_LIMITS.items;

/** The header of a vector cache if it is well formed, else why not (the chunks are not read). */
export function checkHeader(value: unknown): { header: Header } | { damage: string } {
  if (typeof value !== 'object' || value === null) return { damage: 'the header is not a record' };
  const h = value as Partial<Record<keyof Header, unknown>>;
  if (h.kind !== 'header') return { damage: `the header is of kind ${JSON.stringify(h.kind)}` };
  if (typeof h.model !== 'string') return { damage: 'the header names no model' };
  const whole = (n: unknown, max: number): n is number =>
    typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;
  if (!whole(h.dims, 4096) || h.dims === 0) return { damage: `dims ${String(h.dims)}` };
  if (!whole(h.rows, MAX_ROWS)) return { damage: `${String(h.rows)} rows` };
  if (h.chunks !== Math.ceil(h.rows / VECTOR_CHUNK_ROWS)) {
    return { damage: `${String(h.chunks)} chunks for ${h.rows} rows` };
  }
  return { header: { ...(value as Header) } };
}

/**
 * The stored rows once every chunk is checked: present, of the right kind, hashes that are text,
 * Float32Array data of hashes × dims values, as many rows as the header says. (Whether the rows
 * are good vectors is for their reader to judge: see dropDamagedRows.)
 */
export function assembleVectors(
  key: string,
  header: Header,
  chunks: readonly unknown[],
): { vectors: StoredVectors } | { damage: string } {
  const { dims, rows } = header;
  const data = new Float32Array(rows * dims);
  const hashes: string[] = [];
  for (const [index, value] of chunks.entries()) {
    const chunk = value as Partial<Extract<VectorRecord, { kind: 'chunk' }>> | undefined;
    if (chunk?.kind !== 'chunk') return { damage: `chunk ${index} is missing` };
    const ids = chunk.hashes;
    if (!Array.isArray(ids) || !ids.every((hash) => typeof hash === 'string')) {
      return { damage: `chunk ${index} has no list of content hashes` };
    }
    if (!(chunk.data instanceof Float32Array) || chunk.data.length !== ids.length * dims) {
      return { damage: `chunk ${index} holds no ${ids.length} × ${dims} float vectors` };
    }
    if (hashes.length + ids.length > rows) return { damage: `more rows than the header's ${rows}` };
    data.set(chunk.data, hashes.length * dims);
    hashes.push(...ids);
  }
  if (hashes.length !== rows) return { damage: `${hashes.length} rows, the header says ${rows}` };
  const { model, savedAt } = header;
  return { vectors: { key, model, dims, hashes, data, savedAt } };
}
