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
export interface BenchApi extends HeadBenchApi {
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

/** Scoring-head figures for one backend and catalogue size. */
export interface HeadRun {
  backend: string;
  rows: number;
  dims: number;
  /**
   * Median time of one feed request as the worker makes it (recommendFeed: first stage over the
   * whole matrix, the head on the candidates, the rank pipeline).
   */
  rerankMs: number;
  /** The same with the whole catalogue scored by the head (no first stage); null above 200k. */
  wholeCatalogueMs: number | null;
  /** Bytes of the compact (int8) item matrix, in MB. */
  matrixMB: number;
  /** Bare reference, same run: one plain-JS dot product of a query with the same matrix. */
  bareDotMs: number;
  /** rerankMs / bareDotMs. */
  ratioToBare: number;
  /** Backend memory held by the catalogue tensors, and the JS heap where the browser reports it. */
  tensorMB: number;
  heapMB: number | null;
}

/** Training figures for one backend and history length. */
export interface TrainRun {
  backend: string;
  interactions: number;
  fullMs: number;
  epochs: number;
  /** A warm-started update after one more interaction. */
  incrementalMs: number;
}

export interface HeadBenchApi {
  rerank(backend: string, rows: number, dims: number): Promise<HeadRun>;
  train(backend: string, rows: number, dims: number, interactions: number): Promise<TrainRun>;
}
