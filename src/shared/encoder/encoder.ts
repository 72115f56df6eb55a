import type { CatalogueItem } from '../catalogue/schema';
import type { ItemMatrix } from '../ranking/matrix';

/** What the status line and ready() report about the encoder in use. */
export interface EncoderInfo {
  /** Model id, e.g. "Xenova/all-MiniLM-L6-v2", or "lexical" for the built-in encoder. */
  id: string;
  kind: 'lexical' | 'transformer';
  dims: number;
  /** Where a transformer runs (onnxruntime-web's WebGPU or WASM; onnxruntime-node's CPU). */
  device?: 'webgpu' | 'wasm' | 'cpu';
  dtype?: 'q8' | 'fp32';
}

/** Items encoded so far out of the total, for progress bars. */
export type EncodeProgress = (done: number, total: number) => void;

/** The part of an AbortSignal an encoder reads (structural, so pure code needs no DOM types). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/**
 * Turns item text and queries into unit-length vectors in one shared space. The built-in lexical
 * encoder and the Transformers.js encoder both implement it.
 */
export interface ItemEncoder {
  readonly info: EncoderInfo;
  encodeItems(
    items: readonly CatalogueItem[],
    signal?: CancelSignal,
    onProgress?: EncodeProgress,
  ): Promise<ItemMatrix>;
  encodeQuery(text: string): Promise<Float32Array>;
}

/** The text an encoder reads for an item: title, category, tags, then description. */
export function itemText(item: CatalogueItem): string {
  const parts = [item.title, item.category ?? '', (item.tags ?? []).join(', '), item.description];
  return parts.filter((part) => part !== undefined && part !== '').join('. ');
}
