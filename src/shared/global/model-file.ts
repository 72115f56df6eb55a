import { packRows, unpackRows } from './packed-rows';
import type { Recency, SparseRows, StartHead } from './sparse-rows';

/** The `format` of the catalogue's `model` entry this code reads and writes. */
export const GLOBAL_MODEL_FORMAT = 'private-recs/head@1';
/** The file's first 8 bytes. */
const MAGIC = 'PRGLOBAL';
const VERSION = 4;
/**
 * Versions 2 to 4: magic, version, rows, k, entries, item-id hash, λ, recency tau and weight,
 * the head's starting weight (float32s), then (version 3 on) the byte length of the starting
 * head block at the end of the file (uint32, 0: none; 4 reserved bytes of 0 in version 2), then
 * (version 4) the byte length of the packed rows (uint32). Files of versions 1 (no recency: the
 * plain sum; the built-in starting weight) to 3 (rows unpacked: uint32 columns, float32 values)
 * are still read.
 */
export const HEADER_BYTES = 52;
const HEADER_BYTES_V2 = 48;
const HEADER_BYTES_V1 = 32;
/** Largest model file the device downloads, whatever the catalogue declares. */
export const MODEL_LIMIT_BYTES = 64 * 1024 * 1024;
/** Largest starting head block (its three counts and its values): a head has a few hundred. */
const MAX_HEAD_FLOATS = 4_096;
/** Largest k a file may declare (a row is read whole for every liked item). */
export const MAX_K = 1_000;

/** What a model file holds beside its rows. */
export interface GlobalModelFile {
  model: SparseRows;
  /** The regularisation it was fitted with (for the operator; not used in scoring). */
  lambda: number;
}

/**
 * Hash of the catalogue's item ids in order (FNV-1a, 32 bits, over UTF-16 code units): a model
 * built for another item list (reordered, items added) is refused rather than misread.
 */
export function itemIdsHash(ids: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x0a, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The file layout (little-endian): the 52-byte header, the packed rows (packed-rows.ts: row
 * counts, row scales, column gaps, int8 codes), then the starting head when there is one: the
 * counts of typeLogit, u and w (uint32), then typeLogit, decayRaw, simGain, u, w, b (float32).
 * The values are stored to their row's int8 grid (`quantizeRows` gives what will be read back).
 */
export function encodeModel(model: SparseRows, ids: readonly string[], lambda: number): Uint8Array {
  const recency = model.recency ?? { tau: 1, weight: 0 };
  const packed = packRows(model);
  const head = model.startHead ? headFloats(model.startHead) : null;
  const headBytes = head ? 12 + 4 * head.length : 0;
  const bodyBytes = HEADER_BYTES + packed.byteLength;
  const out = new Uint8Array(bodyBytes + headBytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i < MAGIC.length; i++) view.setUint8(i, MAGIC.charCodeAt(i));
  const header = [VERSION, model.rows, model.k, model.cols.length, itemIdsHash(ids)];
  header.forEach((value, i) => {
    view.setUint32(8 + 4 * i, value, true);
  });
  view.setFloat32(28, lambda, true);
  view.setFloat32(32, recency.tau, true);
  view.setFloat32(36, recency.weight, true);
  view.setFloat32(40, model.startWeight ?? 0, true);
  view.setUint32(44, headBytes, true);
  view.setUint32(48, packed.byteLength, true);
  out.set(packed, HEADER_BYTES);
  if (head && model.startHead) {
    const { typeLogit, u, w } = model.startHead;
    [typeLogit.length, u.length, w.length].forEach((count, i) => {
      view.setUint32(bodyBytes + 4 * i, count, true);
    });
    head.forEach((value, i) => {
      view.setFloat32(bodyBytes + 12 + 4 * i, value, true);
    });
  }
  return out;
}

/** A starting head's values in file order. */
function headFloats(head: StartHead): number[] {
  return [...head.typeLogit, head.decayRaw, head.simGain, ...Array.from(head.u), ...head.w, head.b];
}

/** A model file that cannot be used; the message says why in plain words. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

/**
 * Reads and checks a model file for a catalogue with these item ids: the header, the exact
 * length, the rows and the id hash against the catalogue, every row within k entries, every
 * column a catalogue row, every value finite. Throws ModelFileError naming the first problem.
 */
export function decodeModel(data: ArrayBuffer, ids: readonly string[]): GlobalModelFile {
  const fail = (why: string): never => {
    throw new ModelFileError(why);
  };
  if (data.byteLength < HEADER_BYTES_V1) fail(`the file is too short (${data.byteLength} bytes)`);
  const view = new DataView(data);
  const magic = String.fromCharCode(...new Uint8Array(data, 0, MAGIC.length));
  if (magic !== MAGIC) fail('it is not a private-recs model file');
  const [version, rows, k, entries, hash] = [0, 1, 2, 3, 4].map((i) =>
    view.getUint32(8 + 4 * i, true),
  ) as [number, number, number, number, number];
  if (version < 1 || version > VERSION) {
    fail(`it is version ${version} of the format, not 1 to ${VERSION}`);
  }
  const header = [0, HEADER_BYTES_V1, HEADER_BYTES_V2, HEADER_BYTES_V2, HEADER_BYTES][version] ?? 0;
  if (data.byteLength < header) fail(`the file is too short (${data.byteLength} bytes)`);
  const recency = version === 1 ? undefined : readRecency(view, fail);
  const startWeight = version === 1 ? 0 : view.getFloat32(40, true);
  // 0 stands for "not chosen": the device's built-in starting weight.
  if (!(startWeight >= 0 && startWeight <= 1000)) {
    fail(`its starting weight is ${startWeight} (0 to 1000 allowed)`);
  }
  if (rows !== ids.length) fail(`it is for ${rows} items, but the catalogue has ${ids.length}`);
  if (hash !== itemIdsHash(ids)) fail('it was built for another list of items');
  if (k < 1 || k > MAX_K) fail(`it keeps ${k} entries per item (1 to ${MAX_K} allowed)`);
  if (entries > rows * k) fail(`it has ${entries} entries, more than ${k} per item`);
  const rowBytes = version >= 4 ? view.getUint32(48, true) : 4 * (rows + 1) + 8 * entries;
  const body = header + rowBytes;
  const headBytes = version >= 3 ? view.getUint32(44, true) : 0;
  if (headBytes !== 0 && (headBytes < 12 || headBytes > 12 + 4 * MAX_HEAD_FLOATS)) {
    fail(
      `its starting head block is ${headBytes} bytes (12 to ${12 + 4 * MAX_HEAD_FLOATS} allowed)`,
    );
  }
  const expected = body + headBytes;
  if (data.byteLength !== expected) {
    fail(
      data.byteLength < expected
        ? `the file is cut off (${data.byteLength} of ${expected} bytes)`
        : `the file has ${data.byteLength - expected} bytes too many`,
    );
  }
  const { start, cols, vals } =
    version >= 4
      ? unpackRows(new Uint8Array(data, header, rowBytes), { rows, k, entries }, fail)
      : plainRows(data, header, { rows, k, entries }, fail);
  const startHead = headBytes > 0 ? readHead(view, body, headBytes, fail) : undefined;
  const model: SparseRows = {
    rows,
    k,
    start,
    cols,
    vals,
    ...(recency ? { recency } : {}),
    ...(startWeight > 0 ? { startWeight } : {}),
    ...(startHead ? { startHead } : {}),
  };
  return { model, lambda: view.getFloat32(28, true) };
}

/**
 * The starting head block at `at`: its counts must add up to its length and every value be a
 * finite number; whether its shape fits the device's head is checked where the head is made.
 */
function readHead(
  view: DataView,
  at: number,
  bytes: number,
  fail: (why: string) => never,
): StartHead {
  const [typeLogits, us, ws] = [0, 1, 2].map((i) => view.getUint32(at + 4 * i, true)) as [
    number,
    number,
    number,
  ];
  const floats = (bytes - 12) / 4;
  if (typeLogits + us + ws + 3 !== floats) fail('its starting head block does not add up');
  const values = Array.from({ length: floats }, (_, i) => view.getFloat32(at + 12 + 4 * i, true));
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad !== -1) fail(`starting head value ${bad + 1} is not a number`);
  const take = (from: number, count: number) => values.slice(from, from + count);
  const wAt = typeLogits + 2 + us;
  return {
    typeLogit: take(0, typeLogits),
    decayRaw: values[typeLogits] ?? 0,
    simGain: values[typeLogits + 1] ?? 0,
    u: Float32Array.from(take(typeLogits + 2, us)),
    w: take(wAt, ws),
    b: values[wAt + ws] ?? 0,
  };
}

/** Recency of a version 2 header: tau in 0.1–1,000 likes, weight 0–1,000. */
function readRecency(view: DataView, fail: (why: string) => never): Recency {
  const tau = view.getFloat32(32, true);
  const weight = view.getFloat32(36, true);
  if (!(tau >= 0.1 && tau <= 1000)) fail(`its recency scale is ${tau} (0.1 to 1000 allowed)`);
  if (!(weight >= 0 && weight <= 1000)) fail(`its recency weight is ${weight} (0 to 1000 allowed)`);
  return { tau, weight };
}

/** The unpacked rows of a version 1 to 3 file: row starts, uint32 columns, float32 values. */
function plainRows(
  data: ArrayBuffer,
  at: number,
  shape: { rows: number; k: number; entries: number },
  fail: (why: string) => never,
): Pick<SparseRows, 'start' | 'cols' | 'vals'> {
  const { rows, k, entries } = shape;
  // Copies: the header makes the arrays 4-byte aligned, but a caller's buffer may be shared.
  const start = new Uint32Array(data.slice(at, at + 4 * (rows + 1)));
  const colsAt = at + 4 * (rows + 1);
  const cols = new Uint32Array(data.slice(colsAt, colsAt + 4 * entries));
  const vals = new Float32Array(data.slice(colsAt + 4 * entries, colsAt + 8 * entries));
  checkRows(start, cols, vals, rows, k, fail);
  return { start, cols, vals };
}

function checkRows(
  start: Uint32Array,
  cols: Uint32Array,
  vals: Float32Array,
  rows: number,
  k: number,
  fail: (why: string) => never,
): void {
  if (start[0] !== 0 || start[rows] !== cols.length) fail('its row table does not add up');
  for (let i = 0; i < rows; i++) {
    const count = (start[i + 1] ?? 0) - (start[i] ?? 0);
    if (count < 0 || count > k) fail(`item ${i + 1} has ${count} entries (0 to ${k} allowed)`);
  }
  const badCol = cols.findIndex((col) => col >= rows);
  if (badCol !== -1) fail(`entry ${badCol + 1} points past the last item`);
  const badVal = vals.findIndex((val) => !Number.isFinite(val));
  if (badVal !== -1) fail(`entry ${badVal + 1} is not a number`);
}
