import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients; training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// The backend's WASM binaries are the app's own assets: no CDN, and cacheable for offline use.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName, Notice } from '../../../src/shared/engine-api';
import { probeGpu } from '../compute-device';

const absolute = (url: string) => new URL(url, self.location.href).href;

/**
 * Selects the TF.js backend: a forced one if it initialises, else WebGPU on a real GPU, else
 * WASM, else the plain-JS CPU backend. Each failure falls through to the next with a notice.
 */
export async function initTfBackend(
  forced: BackendName | null,
): Promise<{ backend: BackendName; notices: Notice[] }> {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': absolute(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': absolute(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmThreaded),
  });
  const gpu = await probeGpu();
  const preferred: BackendName[] = gpu.hardware ? ['webgpu', 'wasm', 'cpu'] : ['wasm', 'cpu'];
  const order = forced
    ? [forced, ...preferred.filter((b) => b !== forced), 'cpu' as const]
    : preferred;
  const notices: Notice[] = [];
  for (const backend of [...new Set(order)]) {
    try {
      if (await tf.setBackend(backend)) {
        await tf.ready();
        return { backend, notices };
      }
    } catch (error) {
      // Fall through to the next backend; the notice says which one failed and why.
      notices.push(backendNotice(backend, error));
      continue;
    }
    notices.push(backendNotice(backend, 'it did not initialise'));
  }
  throw new Error('No TensorFlow.js backend could be initialised.');
}

function backendNotice(backend: BackendName, error: unknown): Notice {
  const why = error instanceof Error ? error.message : String(error);
  return {
    code: 'backend-unavailable',
    level: 'warning',
    message: `The ${backend} compute backend could not start (${why}); using the next one.`,
  };
}
