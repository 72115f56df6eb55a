import { compactRows, copyRow, type ItemMatrix } from '../ranking/matrix';

/** Default share of the collaborative part in the combined similarity. */
export const DEFAULT_COLLAB_WEIGHT = 0.8;

/**
 * Puts text and collaborative vectors side by side: the text part scaled by √(1 − w), the
 * collaborative part by √w, so the dot product of two items is (1 − w)·cos_text + w·cos_collab.
 * The result is compact (int8). An item nobody has used yet (zero collaborative row) keeps only its scaled text part: it still
 * matches by text, with less confidence. A text query padded with zeros (padVector) ranks items
 * exactly as the text vectors alone would.
 */
export function combineVectors(text: ItemMatrix, collab: ItemMatrix, weight: number): ItemMatrix {
  if (collab.rows !== text.rows) {
    throw new Error(`${collab.rows} collaborative rows for ${text.rows} items`);
  }
  const w = Math.min(1, Math.max(0, weight));
  const dims = text.dims + collab.dims;
  const textScale = Math.sqrt(1 - w);
  const collabScale = Math.sqrt(w);
  // Built compact row by row: a million combined rows never exist as floats.
  return compactRows(text.rows, dims, (r, out) => {
    copyRow(text, r, out, 0);
    copyRow(collab, r, out, text.dims);
    for (let i = 0; i < text.dims; i++) out[i] = (out[i] ?? 0) * textScale;
    for (let i = text.dims; i < dims; i++) out[i] = (out[i] ?? 0) * collabScale;
  });
}

/** A text-space vector widened to `dims` with zeros (a query against a combined matrix). */
export function padVector(vector: Float32Array, dims: number): Float32Array {
  if (vector.length === dims) return vector;
  const out = new Float32Array(dims);
  out.set(vector.subarray(0, dims));
  return out;
}
