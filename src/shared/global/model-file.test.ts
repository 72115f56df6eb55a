import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, HEADER_BYTES, itemIdsHash, ModelFileError } from './model-file';
import { fromRowLists } from './sparse-rows';

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

describe('global model file', () => {
  it('reads back what it wrote, at 8 bytes per entry plus 4 per item', () => {
    const bytes = encoded();
    expect(bytes.byteLength).toBe(HEADER_BYTES + 4 * 5 + 8 * 4);
    const file = decodeModel(bufferOf(bytes), ids);
    expect(file.lambda).toBe(30);
    expect(file.model.k).toBe(2);
    expect(Array.from(file.model.start)).toEqual(Array.from(model.start));
    expect(Array.from(file.model.cols)).toEqual(Array.from(model.cols));
    expect(Array.from(file.model.vals)).toEqual(Array.from(model.vals));
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

  it('refuses a wrong shape: a row over k, a column past the items, a value not a number', () => {
    const overK = encoded();
    new DataView(overK.buffer).setUint32(16, 1, true); // k = 1, but row 1 holds 2 entries
    expect(refusal(bufferOf(overK))).toMatch(/item 1 has 2 entries/);
    const colsAt = HEADER_BYTES + 4 * 5;
    const badCol = encoded();
    new DataView(badCol.buffer).setUint32(colsAt + 4, 4, true);
    expect(refusal(bufferOf(badCol))).toMatch(/entry 2 points past the last item/);
    const badVal = encoded();
    new DataView(badVal.buffer).setFloat32(colsAt + 4 * 4 + 8, NaN, true);
    expect(refusal(bufferOf(badVal))).toMatch(/entry 3 is not a number/);
    const badStart = encoded();
    new DataView(badStart.buffer).setUint32(HEADER_BYTES + 4, 3, true);
    expect(refusal(bufferOf(badStart))).toMatch(/entries/);
    const version = encoded();
    new DataView(version.buffer).setUint32(8, 4, true);
    expect(refusal(bufferOf(version))).toMatch(/version 4/);
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

  it('still reads a version 1 file (no recency: the plain sum)', () => {
    const v2 = encoded();
    // Version 1 is version 2 without the 16 bytes after λ (recency, starting weight, reserved).
    const v1 = new Uint8Array(v2.length - 16);
    v1.set(v2.subarray(0, 32));
    v1.set(v2.subarray(HEADER_BYTES), 32);
    new DataView(v1.buffer).setUint32(8, 1, true);
    const file = decodeModel(bufferOf(v1), ids);
    expect(file.model.recency).toBeUndefined();
    expect(file.model.startWeight).toBeUndefined();
    expect(Array.from(file.model.vals)).toEqual(Array.from(model.vals));
    expect(refusal(bufferOf(v1.subarray(0, v1.length - 4)))).toMatch(/cut off/);
  });
});
