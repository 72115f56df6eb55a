import { normalize, type ItemMatrix } from '../ranking/matrix';

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

/**
 * An int8 `vectors.url` file as the engine's compact matrix, without a float copy: the file's
 * bytes are the codes, and each row's scale makes it unit length (a million 384-dim rows stay
 * 384 MB instead of 1.5 GB). Same size check as decodeVectors.
 */
export function compactVectors(bytes: ArrayBuffer, rows: number, dims: number): ItemMatrix {
  if (bytes.byteLength !== rows * dims) {
    throw new Error(
      `the vector file has ${bytes.byteLength} bytes, but ${rows} items × ${dims} dims of int8 need ${rows * dims}`,
    );
  }
  const data = new Int8Array(bytes);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let squares = 0;
    for (let i = r * dims; i < (r + 1) * dims; i++) squares += (data[i] ?? 0) ** 2;
    scales[r] = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  }
  return { rows, dims, data, scales };
}
