import * as tf from '@tensorflow/tfjs-core';
// In Node, tfjs-core's ESM gradient registry cannot load (a directory import); the union
// package's CommonJS build registers the gradients on the same engine instead.
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-cpu';
import type { BackendName } from '../../src/shared/engine-api';

/** Starts a TF.js backend in Node for the offline tools: WASM (XNNPACK) unless told otherwise. */
export async function initNodeBackend(name: BackendName = 'wasm'): Promise<BackendName> {
  if (name === 'webgpu') throw new Error('WebGPU is not available in Node; use wasm or cpu.');
  if (!(await tf.setBackend(name))) throw new Error(`The ${name} backend did not start.`);
  await tf.ready();
  return name;
}
