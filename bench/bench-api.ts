/** One encoder throughput measurement. */
export interface EncodeRun {
  model: string;
  device: 'webgpu' | 'wasm';
  dtype: 'q8' | 'fp32';
  /** Texts per call: 1 is one-at-a-time. */
  batch: number;
  items: number;
  ms: number;
  itemsPerSec: number;
}

/** Loading cached vectors back from IndexedDB. */
export interface VectorLoadRun {
  rows: number;
  dims: number;
  writeMs: number;
  readMs: number;
  /** Matching rows to the catalogue by content hash after reading. */
  reuseMs: number;
}

/** The benchmark worker's RPC surface. */
export interface BenchApi {
  gpu(): Promise<{ available: boolean; hardware: boolean; description: string }>;
  /** Our path: the engine's TransformersEncoder, timed in the worker. */
  encode(
    model: string,
    device: EncodeRun['device'],
    dtype: EncodeRun['dtype'],
    batch: number,
    texts: string[],
  ): Promise<EncodeRun>;
  /** A bare Transformers.js pipeline on the same texts and settings. */
  bare(
    model: string,
    device: EncodeRun['device'],
    dtype: EncodeRun['dtype'],
    batch: number,
    texts: string[],
  ): Promise<EncodeRun>;
  vectorLoad(rows: number, dims: number): Promise<VectorLoadRun>;
}
