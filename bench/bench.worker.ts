/// <reference lib="webworker" />
import { pipeline } from '@huggingface/transformers';
import { expose } from 'comlink';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { reuseRows } from '../src/shared/encoder/vector-cache';
import { probeGpu } from '../workers/engine/compute-device';
import { configureTransformers, TransformersEncoder } from '../workers/engine/transformers-encoder';
import { Repository } from '../workers/storage/repository';
import type { BenchApi, EncodeRun } from './bench-api';
import { headBench } from './head-bench';

const root = new URL('../', self.location.href);
const settings = (
  model: string,
  device: EncodeRun['device'],
  dtype: EncodeRun['dtype'],
  batch: number,
) => ({
  modelId: model,
  device,
  dtype,
  batchSize: batch,
  modelRoot: new URL('models/', root).href,
  wasmPaths: { wasm: new URL(ortWasmUrl, self.location.href).href },
});

function run(
  model: string,
  device: EncodeRun['device'],
  dtype: EncodeRun['dtype'],
  batch: number,
  items: number,
  ms: number,
): EncodeRun {
  return {
    model,
    device,
    dtype,
    batch,
    items,
    ms: Math.round(ms),
    itemsPerSec: Math.round((items / ms) * 1000 * 10) / 10,
  };
}

/** Median duration of `passes` timed runs (after the caller's warm-up). */
async function median(passes: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(passes / 2)] ?? NaN;
}

const PASSES = 3;

const api: BenchApi = {
  ...headBench,
  gpu: probeGpu,

  async encode(model, device, dtype, batch, texts) {
    const encoder = await TransformersEncoder.load(settings(model, device, dtype, batch));
    await encoder.encodeTexts(texts.slice(0, batch)); // warm-up: shader compilation, allocation
    const ms = await median(PASSES, () => encoder.encodeTexts(texts));
    await encoder.dispose();
    return run(model, device, dtype, batch, texts.length, ms);
  },

  async bare(model, device, dtype, batch, texts) {
    // The same environment as the engine's encoder (own origin as model host), then no wrapper.
    configureTransformers(settings(model, device, dtype, batch));
    const extractor = await pipeline('feature-extraction', model, { device, dtype });
    await extractor(texts.slice(0, batch), { pooling: 'mean', normalize: true });
    const start = performance.now();
    for (let i = 0; i < texts.length; i += batch) {
      const output = await extractor(texts.slice(i, i + batch), {
        pooling: 'mean',
        normalize: true,
      });
      output.dispose();
    }
    const ms = performance.now() - start;
    await extractor.dispose();
    return run(model, device, dtype, batch, texts.length, ms);
  },

  async vectorLoad(rows, dims) {
    const repository = new Repository();
    const hashes = Array.from({ length: rows }, (_, i) => i.toString(16).padStart(16, '0'));
    const data = new Float32Array(rows * dims).map((_, i) => Math.sin(i));
    const key = `bench|${rows}|${dims}`;
    let start = performance.now();
    await repository.saveVectors({ key, model: 'bench', dims, hashes, data });
    const writeMs = performance.now() - start;
    start = performance.now();
    const stored = await repository.vectors(key);
    const readMs = performance.now() - start;
    start = performance.now();
    const { missing } = reuseRows(hashes, dims, stored);
    const reuseMs = performance.now() - start;
    if (missing.length !== 0) throw new Error('benchmark rows did not round-trip');
    return {
      rows,
      dims,
      writeMs: Math.round(writeMs),
      readMs: Math.round(readMs),
      reuseMs: Math.round(reuseMs),
    };
  },
};

expose(api);
