import { ByteReader, ByteWriter, type Fail } from './byte-io';
import type { SparseRows } from './sparse-rows';

/*
 * The rows of a version 4 model file, packed (docs/contracts.md#global-model): per row its entry
 * count (a varint), then a float32 scale for each row that has entries (its largest |value|; 1
 * for a row of zeros), then every entry's column as the gap from the one before it in its row
 * (varints, columns ascending), then every entry's value as an int8 code of its row's scale
 * (code / 127 × scale). About 2.5 bytes an entry on a 10k-item catalogue instead of 8; the codes
 * cost nothing measurable in ranking (docs/evaluation.md, "The model").
 */

/** The code of a row's largest |value|. */
export const CODE_MAX = 127;

/** A row's entries sorted by column, as the file keeps them. */
interface Row {
  cols: number[];
  vals: number[];
}

/**
 * The model as a version 4 file stores it: each row's entries in column order, each value
 * snapped to its row's int8 grid. decode(encode(model)) gives exactly this, so the shop's build
 * and the evaluation can learn and rank with what the device will read.
 */
export function quantizeRows(model: SparseRows): SparseRows {
  const rows = rowsOf(model).map(snap);
  const start = new Uint32Array(model.rows + 1);
  rows.forEach((row, i) => {
    start[i + 1] = (start[i] ?? 0) + row.cols.length;
  });
  return {
    ...model,
    start,
    cols: Uint32Array.from(rows.flatMap((row) => row.cols)),
    vals: Float32Array.from(rows.flatMap((row) => row.vals)),
  };
}

/** The packed rows' bytes (counts, scales, column gaps, codes) of a model. */
export function packRows(model: SparseRows): Uint8Array {
  const rows = rowsOf(model);
  const out = new ByteWriter();
  for (const row of rows) out.varint(row.cols.length);
  const scales = rows.filter((row) => row.cols.length > 0).map(scaleOf);
  for (const scale of scales) out.float32(scale);
  for (const row of rows) {
    let previous = -1;
    for (const col of row.cols) {
      out.varint(col - previous - 1);
      previous = col;
    }
  }
  let at = 0;
  for (const row of rows) {
    if (row.cols.length === 0) continue;
    const scale = scales[at++] ?? 1;
    for (const val of row.vals) out.int8(codeOf(val, scale));
  }
  return out.bytes();
}

/**
 * Reads packed rows that must fill `bytes` exactly: `rows` rows of at most `k` entries,
 * `entries` in all, every column a row of the catalogue, every scale a positive number.
 */
export function unpackRows(
  bytes: Uint8Array,
  shape: { rows: number; k: number; entries: number },
  fail: Fail,
): Pick<SparseRows, 'start' | 'cols' | 'vals'> {
  const { rows, k, entries } = shape;
  // A count per row and at least a gap and a code per entry: checked before anything is made.
  if (bytes.length < rows + 2 * entries) fail('its rows are too short for its entries');
  const read = new ByteReader(bytes, fail);
  const start = new Uint32Array(rows + 1);
  let filled = 0;
  for (let i = 0; i < rows; i++) {
    const count = read.varint();
    if (count > k) fail(`item ${i + 1} has ${count} entries (0 to ${k} allowed)`);
    start[i + 1] = (start[i] ?? 0) + count;
    if (count > 0) filled++;
  }
  if (start[rows] !== entries) fail('its row table does not add up');
  const scales = Array.from({ length: filled }, () => read.float32());
  const bad = scales.findIndex((scale) => !(scale > 0 && Number.isFinite(scale)));
  if (bad !== -1) fail(`the scale of row ${bad + 1} with entries is not a positive number`);
  const cols = new Uint32Array(entries);
  for (let i = 0; i < rows; i++) {
    let col = -1;
    for (let at = start[i] ?? 0; at < (start[i + 1] ?? 0); at++) {
      col += read.varint() + 1;
      if (col >= rows) fail(`entry ${at + 1} points past the last item`);
      cols[at] = col;
    }
  }
  const vals = new Float32Array(entries);
  let row = 0;
  for (let i = 0; i < rows; i++) {
    if ((start[i + 1] ?? 0) === (start[i] ?? 0)) continue;
    const scale = scales[row++] ?? 0;
    for (let at = start[i] ?? 0; at < (start[i + 1] ?? 0); at++) {
      const code = read.int8();
      if (code < -CODE_MAX) fail(`entry ${at + 1} has the code ${code} (−127 to 127 allowed)`);
      vals[at] = valueOf(code, scale);
    }
  }
  if (!read.done()) fail(`its rows leave ${read.left()} of their bytes unread`);
  return { start, cols, vals };
}

/** A row without entries (most rows of a big catalogue: shared, not made for each). */
const EMPTY: Row = { cols: [], vals: [] };

function rowsOf(model: SparseRows): Row[] {
  return Array.from({ length: model.rows }, (_, i) => {
    const from = model.start[i] ?? 0;
    if ((model.start[i + 1] ?? 0) === from) return EMPTY;
    const order = Array.from({ length: (model.start[i + 1] ?? 0) - from }, (_, j) => from + j);
    order.sort((a, b) => (model.cols[a] ?? 0) - (model.cols[b] ?? 0));
    const cols = order.map((at) => model.cols[at] ?? 0);
    if (cols.some((col, j) => j > 0 && col === cols[j - 1])) {
      throw new Error(`Row ${i} of the model holds a column twice.`);
    }
    const vals = order.map((at) => model.vals[at] ?? 0);
    if (vals.some((val) => !Number.isFinite(val))) {
      throw new Error(`Row ${i} of the model holds a value that is not a number.`);
    }
    return { cols, vals };
  });
}

/** The row's largest |value| as a float32 (1 when every value is 0). */
function scaleOf(row: Row): number {
  const largest = Math.fround(row.vals.reduce((max, val) => Math.max(max, Math.abs(val)), 0));
  return largest > 0 ? largest : 1;
}

function codeOf(val: number, scale: number): number {
  // `| 0` also turns a rounded −0 into 0, as the file reads it back.
  return Math.max(-CODE_MAX, Math.min(CODE_MAX, Math.round((val / scale) * CODE_MAX))) | 0;
}

function valueOf(code: number, scale: number): number {
  return Math.fround((code * scale) / CODE_MAX);
}

function snap(row: Row): Row {
  if (row.cols.length === 0) return row;
  const scale = scaleOf(row);
  return { cols: row.cols, vals: row.vals.map((val) => valueOf(codeOf(val, scale), scale)) };
}
