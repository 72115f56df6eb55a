import type { CatalogueItem } from '../catalogue/schema';
import { fnv1a } from '../hash';
import { itemText } from './encoder';

/** 64-bit content hash (hex) of the text an encoder reads for an item. */
export function contentHash(item: CatalogueItem): string {
  return textHash(itemText(item));
}

/** 64-bit hash (hex) of a text: two 32-bit FNV-1a hashes with different seeds. */
export function textHash(text: string): string {
  const hi = fnv1a(text).toString(16).padStart(8, '0');
  const lo = fnv1a(text, 0x2f0d6a1b).toString(16).padStart(8, '0');
  return hi + lo;
}

/** Rows already computed for some content hashes, as stored or shipped. */
export interface VectorRows {
  dims: number;
  hashes: readonly string[];
  data: Float32Array;
}

/**
 * Lays out a matrix for the current items from previously computed rows: rows whose content
 * hash is known are copied, the others are listed as missing (to be encoded).
 */
export function reuseRows(
  hashes: readonly string[],
  dims: number,
  known: VectorRows | undefined,
): { data: Float32Array; missing: number[] } {
  const data = new Float32Array(hashes.length * dims);
  const missing: number[] = [];
  const rowOf = new Map<string, number>();
  if (known?.dims === dims) known.hashes.forEach((hash, row) => rowOf.set(hash, row));
  hashes.forEach((hash, i) => {
    const row = rowOf.get(hash);
    if (row === undefined || !known) {
      missing.push(i);
      return;
    }
    data.set(known.data.subarray(row * dims, (row + 1) * dims), i * dims);
  });
  return { data, missing };
}

/** A stored row whose length is this far from 1 was not written by an encoder (they normalise). */
const NORM_TOLERANCE = 1e-3;

/**
 * The rows with every row that is not a finite unit vector given an empty hash, so that only
 * those items are encoded again; `dropped` counts them. Rows already without a hash (saved
 * before they were encoded) are not counted.
 */
export function dropDamagedRows(known: VectorRows): { rows: VectorRows; dropped: number } {
  const { dims, data } = known;
  const hashes = [...known.hashes];
  let dropped = 0;
  hashes.forEach((hash, row) => {
    if (hash === '') return;
    let norm = 0;
    for (let i = row * dims; i < (row + 1) * dims; i++) norm += (data[i] ?? NaN) ** 2;
    if (Math.abs(Math.sqrt(norm) - 1) < NORM_TOLERANCE) return;
    hashes[row] = '';
    dropped += 1;
  });
  return { rows: { dims, hashes, data }, dropped };
}
