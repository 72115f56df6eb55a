import { normalize } from '../ranking/matrix';

export type VectorDtype = 'int8' | 'float32';

/** int8 rows store a unit vector scaled by this and rounded. */
const INT8_SCALE = 127;

/** Serialises a row-major matrix of unit vectors for a catalogue's `vectors.url` file. */
export function encodeVectors(data: Float32Array, dtype: VectorDtype): Uint8Array {
  if (dtype === 'float32')
    return new Uint8Array(data.buffer.slice(0), data.byteOffset, data.byteLength);
  const out = new Int8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    out[i] = Math.max(-127, Math.min(127, Math.round((data[i] ?? 0) * INT8_SCALE)));
  }
  return new Uint8Array(out.buffer);
}

/**
 * Reads a `vectors.url` file back into unit-length float rows; throws a plain message when its
 * size does not match the catalogue (rows × dims × bytes per value).
 */
export function decodeVectors(
  bytes: ArrayBuffer,
  dtype: VectorDtype,
  rows: number,
  dims: number,
): Float32Array {
  const width = dtype === 'int8' ? 1 : 4;
  if (bytes.byteLength !== rows * dims * width) {
    throw new Error(
      `the vector file has ${bytes.byteLength} bytes, but ${rows} items × ${dims} dims of ${dtype} need ${rows * dims * width}`,
    );
  }
  const data =
    dtype === 'int8' ? Float32Array.from(new Int8Array(bytes)) : new Float32Array(bytes.slice(0));
  for (let r = 0; r < rows; r++) {
    const rowView = data.subarray(r * dims, (r + 1) * dims);
    if (!rowView.every(Number.isFinite))
      throw new Error(`row ${r + 1} of the vector file is not finite`);
    normalize(rowView);
  }
  return data;
}
