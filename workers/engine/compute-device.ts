import type { BackendName, Notice } from '../../src/shared/engine-api';

/** What WebGPU offers here: nothing, a software fallback (e.g. SwiftShader), or a real GPU. */
export interface GpuProbe {
  available: boolean;
  hardware: boolean;
  description: string;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

let probe: Promise<GpuProbe> | null = null;

/** Asks for a WebGPU adapter once per worker and classifies it. */
export function probeGpu(): Promise<GpuProbe> {
  probe ??= (async () => {
    // Typed structurally: lib versions disagree on GPUAdapter fields such as isFallbackAdapter.
    const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
    if (!gpu) return { available: false, hardware: false, description: 'no WebGPU' };
    try {
      const adapter = await gpu.requestAdapter();
      if (!adapter) return { available: false, hardware: false, description: 'no WebGPU adapter' };
      const info = adapter.info ?? {};
      const description = [info.vendor, info.architecture, info.description]
        .filter(Boolean)
        .join(' ');
      const software =
        info.isFallbackAdapter === true ||
        adapter.isFallbackAdapter === true ||
        /swiftshader|llvmpipe|software/i.test(description);
      return { available: true, hardware: !software, description: description || 'unknown GPU' };
    } catch {
      // requestAdapter can throw in locked-down contexts: that is simply "no WebGPU".
      return { available: false, hardware: false, description: 'WebGPU refused' };
    }
  })();
  return probe;
}

/**
 * Picks where a model runs: a forced backend when it can run, else WebGPU only on a real GPU
 * (software WebGPU is far slower than WASM), else WASM. onnxruntime-web has no plain-JS
 * backend, so a forced `cpu` runs the encoder on WASM.
 */
export async function chooseEncoderDevice(
  forced: BackendName | null,
): Promise<{ device: 'webgpu' | 'wasm'; notices: Notice[] }> {
  const gpu = await probeGpu();
  if (forced === 'webgpu') {
    if (gpu.available) return { device: 'webgpu', notices: [] };
    return {
      device: 'wasm',
      notices: [
        {
          code: 'webgpu-unavailable',
          level: 'warning',
          message: `WebGPU was requested but is not available here (${gpu.description}); the text model runs on WebAssembly.`,
        },
      ],
    };
  }
  if (forced === 'wasm' || forced === 'cpu') return { device: 'wasm', notices: [] };
  return { device: gpu.hardware ? 'webgpu' : 'wasm', notices: [] };
}
