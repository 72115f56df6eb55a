import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, HEADER_BYTES, itemIdsHash, ModelFileError } from './model-file';
import { quantizeRows } from './packed-rows';
import { fromRowLists, type SparseRows } from './sparse-rows';

const ids = ['a', 'b', 'c', 'd'];
const model = fromRowLists(
  [
    [
      { col: 1, val: 0.5 },
      { col: 2, val: 0.25 },
    ],
    [{ col: 0, val: 0.75 }],
    [],
    [{ col: 0, val: 0.125 }],
  ],
  2,
);

const encoded = () => encodeModel(model, ids, 30);
const bufferOf = (bytes: Uint8Array) => bytes.slice().buffer;
const refusal = (data: ArrayBuffer, list = ids) => {
  try {
    decodeModel(data, list);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

/** A version 3 file (rows unpacked: uint32 columns, float32 values), as shops may still host. */
function versionThree(rows: SparseRows, lambda: number): Uint8Array {
  const entries = rows.cols.length;
  const out = new Uint8Array(48 + 4 * (rows.rows + 1) + 8 * entries);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) view.setUint8(i, 'PRGLOBAL'.charCodeAt(i));
  [3, rows.rows, rows.k, entries, itemIdsHash(ids)].forEach((value, i) => {
    view.setUint32(8 + 4 * i, value, true);
  });
  view.setFloat32(28, lambda, true);
  view.setFloat32(32, 1, true);
  const colsAt = 48 + 4 * (rows.rows + 1);
  rows.start.forEach((value, i) => {
    view.setUint32(48 + 4 * i, value, true);
  });
  rows.cols.forEach((value, i) => {
    view.setUint32(colsAt + 4 * i, value, true);
  });
  rows.vals.forEach((value, i) => {
    view.setFloat32(colsAt + 4 * entries + 4 * i, value, true);
  });
  return out;
}

/** Where the packed parts of `encoded()` start: 4 counts, 3 scales, 4 gaps, 4 codes. */
const COUNTS_AT = HEADER_BYTES;
const SCALES_AT = COUNTS_AT + 4;
const GAPS_AT = SCALES_AT + 4 * 3;
const CODES_AT = GAPS_AT + 4;

describe('global model file', () => {
  it('reads back what it wrote: each value on the int8 grid of its row, about 2 bytes an entry', () => {
    const bytes = encoded();
    expect(bytes.byteLength).toBe(CODES_AT + 4);
    const file = decodeModel(bufferOf(bytes), ids);
    expect(file.lambda).toBe(30);
    expect(file.model.k).toBe(2);
    const stored = quantizeRows(model);
    expect(Array.from(file.model.start)).toEqual(Array.from(model.start));
    expect(Array.from(file.model.cols)).toEqual(Array.from(stored.cols));
    expect(Array.from(file.model.vals)).toEqual(Array.from(stored.vals));
    // Row 0: 0.5 is its scale (code 127), 0.25 is code 64 of it; rows of one entry are exact.
    expect(Array.from(file.model.vals)).toEqual([0.5, Math.fround((64 * 0.5) / 127), 0.75, 0.125]);
  });

  it('refuses a file built for other items, or for as many items in another order', () => {
    expect(refusal(bufferOf(encoded()), ['a', 'b', 'c'])).toMatch(/for 4 items.*has 3/);
    expect(refusal(bufferOf(encoded()), ['b', 'a', 'c', 'd'])).toMatch(/another list of items/);
    expect(itemIdsHash(['ab', 'c'])).not.toBe(itemIdsHash(['a', 'bc']));
  });

  it('refuses a truncated or padded file, and one that is not a model file', () => {
    const bytes = encoded();
    expect(refusal(bufferOf(bytes.subarray(0, bytes.length - 3)))).toMatch(/cut off/);
    expect(refusal(bufferOf(bytes.subarray(0, 10)))).toMatch(/too short/);
    const padded = new Uint8Array(bytes.length + 4);
    padded.set(bytes);
    expect(refusal(padded.buffer)).toMatch(/4 bytes too many/);
    const html = new TextEncoder().encode('<!doctype html><html><body>Not found</body></html>');
    expect(refusal(bufferOf(html))).toMatch(/not a private-recs model file/);
  });

  it('refuses a wrong shape: a row over k, a column past the items, a bad scale or code', () => {
    const overK = encoded();
    new DataView(overK.buffer).setUint32(16, 1, true); // k = 1, but row 1 holds 2 entries
    expect(refusal(bufferOf(overK))).toMatch(/item 1 has 2 entries/);
    const badCol = encoded();
    badCol[GAPS_AT + 1] = 5; // row 1's second column: 1 + 5 + 1 = 7, past item 4
    expect(refusal(bufferOf(badCol))).toMatch(/entry 2 points past the last item/);
    const badScale = encoded();
    new DataView(badScale.buffer).setFloat32(SCALES_AT + 4, NaN, true);
    expect(refusal(bufferOf(badScale))).toMatch(/scale of row 2 with entries is not a positive/);
    const badCode = encoded();
    badCode[CODES_AT + 2] = 0x80;
    expect(refusal(bufferOf(badCode))).toMatch(/entry 3 has the code -128/);
    const badCount = encoded();
    badCount[COUNTS_AT + 2] = 1; // 5 entries in the rows, 4 in the header
    expect(refusal(bufferOf(badCount))).toMatch(/row table does not add up/);
    // A count over 32 bits (5 bytes), and one that never ends within 5 bytes.
    const over = encoded();
    over.set([0xff, 0xff, 0xff, 0xff, 0x7f], COUNTS_AT);
    expect(refusal(bufferOf(over))).toMatch(/a number in its rows is malformed/);
    const endless = encoded();
    endless.fill(0xff, COUNTS_AT, COUNTS_AT + 6);
    expect(refusal(bufferOf(endless))).toMatch(/a number in its rows is malformed/);
    const version = encoded();
    new DataView(version.buffer).setUint32(8, 5, true);
    expect(refusal(bufferOf(version))).toMatch(/version 5/);
  });

  it('refuses rows that do not fill their part of the file, or claim more than it holds', () => {
    const bytes = encoded();
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    new DataView(longer.buffer).setUint32(48, bytes.length + 1 - HEADER_BYTES, true);
    expect(refusal(bufferOf(longer))).toMatch(/leave 1 of their bytes unread/);
    const many = encoded();
    new DataView(many.buffer).setUint32(16, 1000, true); // k 1000
    new DataView(many.buffer).setUint32(20, 100, true); // 100 entries: 204 bytes at least
    expect(refusal(bufferOf(many))).toMatch(/too short for its entries/);
  });

  it('reads or refuses in plain words any damaged copy, never failing another way', () => {
    let state = 7;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const startHead = {
      typeLogit: [0.5, -1],
      decayRaw: -3,
      simGain: 1.5,
      u: Float32Array.from([0.25, -0.5]),
      w: [2, -1],
      b: -1,
    };
    const whole = encodeModel({ ...model, startHead }, ids, 30);
    const outcomes = { read: 0, refused: 0 };
    for (let trial = 0; trial < 2_000; trial++) {
      const copy = whole.slice(0, trial % 5 === 0 ? Math.floor(next() * whole.length) : undefined);
      for (let flips = 1 + Math.floor(next() * 3); flips > 0 && copy.length > 0; flips--) {
        copy[Math.floor(next() * copy.length)] = Math.floor(next() * 256);
      }
      // Runs of set high bits: varints that go on and on.
      if (trial % 3 === 0) copy.fill(0xff, Math.floor(next() * copy.length));
      if (trial % 3 === 1) {
        const at = HEADER_BYTES + Math.floor(next() * (copy.length - HEADER_BYTES));
        copy.fill(0xff, at, at + 1 + Math.floor(next() * 6));
      }
      try {
        decodeModel(bufferOf(copy), ids);
        outcomes.read++;
      } catch (error) {
        expect(error).toBeInstanceOf(ModelFileError);
        outcomes.refused++;
      }
    }
    // Both happen: a changed code is still a valid value, a changed count or header is not.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('keeps the recency setting and the starting weight, and refuses them out of range', () => {
    const chosen = { ...model, recency: { tau: 4, weight: 8 }, startWeight: 6 };
    const recent = decodeModel(bufferOf(encodeModel(chosen, ids, 30)), ids).model;
    expect(recent.recency).toEqual({ tau: 4, weight: 8 });
    expect(recent.startWeight).toBe(6);
    // Not chosen: absent (the device's built-in starting weight).
    expect(decodeModel(bufferOf(encoded()), ids).model.startWeight).toBeUndefined();
    const badStart = encoded();
    new DataView(badStart.buffer).setFloat32(40, -1, true);
    expect(refusal(bufferOf(badStart))).toMatch(/starting weight is -1/);
    const plain = decodeModel(bufferOf(encoded()), ids).model.recency;
    expect(plain).toEqual({ tau: 1, weight: 0 });
    const badTau = encoded();
    new DataView(badTau.buffer).setFloat32(32, 0, true);
    expect(refusal(bufferOf(badTau))).toMatch(/recency scale is 0/);
    const badWeight = encoded();
    new DataView(badWeight.buffer).setFloat32(36, NaN, true);
    expect(refusal(bufferOf(badWeight))).toMatch(/recency weight is NaN/);
  });

  it('carries a starting head learned by the shop, and refuses a damaged one', () => {
    const startHead = {
      typeLogit: [0.5, -1, 2],
      decayRaw: -3.25,
      simGain: 1.5,
      u: Float32Array.from([0.25, -0.5, 0.75, 1]),
      w: [2, -1, 0.5],
      b: -1.25,
    };
    const bytes = encodeModel({ ...model, startHead }, ids, 30);
    expect(bytes.byteLength).toBe(encoded().byteLength + 12 + 4 * 13);
    const read = decodeModel(bufferOf(bytes), ids).model.startHead;
    expect(read).toEqual(startHead);
    expect(decodeModel(bufferOf(encoded()), ids).model.startHead).toBeUndefined();
    const body = encoded().byteLength;
    const uneven = bytes.slice();
    new DataView(uneven.buffer).setUint32(body, 4, true); // 4 typeLogits: the counts overrun
    expect(refusal(bufferOf(uneven))).toMatch(/starting head block does not add up/);
    const notANumber = bytes.slice();
    new DataView(notANumber.buffer).setFloat32(body + 12 + 4 * 3, Infinity, true);
    expect(refusal(bufferOf(notANumber))).toMatch(/starting head value 4 is not a number/);
    const huge = bytes.slice();
    new DataView(huge.buffer).setUint32(44, 1 << 30, true);
    expect(refusal(bufferOf(huge))).toMatch(/starting head block is \d+ bytes/);
    expect(refusal(bufferOf(bytes.subarray(0, bytes.length - 4)))).toMatch(/cut off/);
  });

  it('still reads version 3 and version 1 files (unpacked rows; version 1: the plain sum)', () => {
    const v3 = versionThree(model, 30);
    const read = decodeModel(bufferOf(v3), ids).model;
    expect(Array.from(read.cols)).toEqual(Array.from(model.cols));
    expect(Array.from(read.vals)).toEqual(Array.from(model.vals));
    expect(read.recency).toEqual({ tau: 1, weight: 0 });
    const badCol = v3.slice();
    new DataView(badCol.buffer).setUint32(48 + 4 * 5 + 4, 4, true);
    expect(refusal(bufferOf(badCol))).toMatch(/entry 2 points past the last item/);
    const badVal = v3.slice();
    new DataView(badVal.buffer).setFloat32(48 + 4 * 5 + 4 * 4 + 8, NaN, true);
    expect(refusal(bufferOf(badVal))).toMatch(/entry 3 is not a number/);
    expect(refusal(bufferOf(v3.subarray(0, v3.length - 3)))).toMatch(/cut off/);
    // Version 1 is version 2 (and 3) without the 16 bytes after λ.
    const v1 = new Uint8Array(v3.length - 16);
    v1.set(v3.subarray(0, 32));
    v1.set(v3.subarray(48), 32);
    new DataView(v1.buffer).setUint32(8, 1, true);
    const file = decodeModel(bufferOf(v1), ids);
    expect(file.model.recency).toBeUndefined();
    expect(file.model.startWeight).toBeUndefined();
    expect(Array.from(file.model.vals)).toEqual(Array.from(model.vals));
    expect(refusal(bufferOf(v1.subarray(0, v1.length - 4)))).toMatch(/cut off/);
  });
});
