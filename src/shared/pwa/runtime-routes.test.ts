import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  isCatalogueData,
  isModelFile,
  isRuntimeCached,
  isRuntimeWasm,
  type RouteMatch,
} from './runtime-routes';

const APP = 'https://shop.example/app/';
const at = (path: string, base = APP): RouteMatch => {
  const url = new URL(path, APP);
  return { url, sameOrigin: url.origin === new URL(base).origin };
};

/** Workbox serialises matchers into the service worker: rebuild each from its source alone. */
const rebuilt = (fn: (match: RouteMatch) => boolean) =>
  runInNewContext(`(${fn.toString()})`) as (match: RouteMatch) => boolean;

const cases: [string, 'model' | 'wasm' | 'catalogue' | null][] = [
  ['models/Xenova/all-MiniLM-L6-v2/onnx/model_quantized.onnx', 'model'],
  ['models/private-recs/tiny-bert/config.json', 'model'],
  ['assets/ort-wasm-simd-threaded.asyncify-CxOG5pUO.wasm', 'wasm'],
  ['assets/tfjs-backend-wasm-simd-BrM3BlWr.wasm', 'wasm'],
  ['catalogue.json', 'catalogue'],
  ['catalogue.json?v=2', 'catalogue'],
  ['shops/garden.json', 'catalogue'],
  ['catalogue.collaborative.vectors.bin', 'catalogue'],
  ['catalogue.head.bin', 'catalogue'],
  ['manifest.webmanifest', null],
  ['index.html', null],
  ['assets/index-DIDWgvBR.js', null],
  ['https://cdn.example/catalogue.json', null],
  ['https://cdn.example/models/x/config.json', null],
  ['https://cdn.example/assets/x.wasm', null],
];

describe('runtime routes', () => {
  it.each(cases)('%s is %s data', (path, kind) => {
    const match = at(path);
    expect(isModelFile(match)).toBe(kind === 'model');
    expect(isRuntimeWasm(match)).toBe(kind === 'wasm');
    expect(isCatalogueData(match)).toBe(kind === 'catalogue');
    expect(isRuntimeCached(match)).toBe(kind !== null);
  });

  it('stand alone, as the generated service worker runs them', () => {
    for (const fn of [isModelFile, isRuntimeWasm, isCatalogueData]) {
      const copy = rebuilt(fn);
      for (const [path] of cases) expect(copy(at(path))).toBe(fn(at(path)));
    }
  });
});
