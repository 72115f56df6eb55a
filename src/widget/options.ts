import type { BackendName } from '../shared/engine-api';

/** The element's attributes, read and checked. */
export interface WidgetOptions {
  /** Absolute URL of the catalogue. */
  catalogueUrl: string;
  count: number;
  contextItemId: string | undefined;
  query: string | undefined;
  title: string;
  /** Show item images (off by default: image requests would tell their host what is shown). */
  images: boolean;
  model: string | null;
  backend: BackendName | null;
  /** `strip` (recommendations, the default) or `campaign` (the campaign chosen on the device). */
  mode: WidgetMode;
}

export type WidgetMode = 'strip' | 'campaign';

/** Set on the element inside an isolated frame: its layout and state must not depend on history. */
export const FRAME_ELEMENT_FLAG = 'data-isolated-frame';

export const DEFAULT_COUNT = 8;
export const MAX_COUNT = 48;
export const DEFAULT_TITLE = 'Recommended for you';
const BACKENDS = new Set<string>(['webgpu', 'wasm', 'cpu']);

/** Attributes that choose the engine or the kind of view; changing one starts them anew. */
export const ENGINE_ATTRIBUTES = ['catalogue', 'isolated', 'model', 'backend', 'mode'] as const;
/** Attributes that only change what one element shows. */
export const VIEW_ATTRIBUTES = ['count', 'context-item', 'query', 'title', 'images'] as const;

export type AttributeName = (typeof ENGINE_ATTRIBUTES | typeof VIEW_ATTRIBUTES)[number];
export type Attributes = Partial<Record<AttributeName, string | null>>;

/**
 * Reads the attributes against the page's base URL. A missing or unusable catalogue is an error
 * the element shows; a bad count, model or backend falls back to the default with a warning.
 */
export function readOptions(
  attrs: Attributes,
  baseUrl: string,
): { ok: true; options: WidgetOptions; warnings: string[] } | { ok: false; error: string } {
  const warnings: string[] = [];
  const catalogue = attrs.catalogue?.trim();
  if (!catalogue) return { ok: false, error: 'Set the catalogue attribute to the catalogue URL.' };
  let catalogueUrl: string;
  try {
    const url = new URL(catalogue, baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(url.protocol);
    catalogueUrl = url.href;
  } catch {
    return { ok: false, error: `"${catalogue}" is not a usable catalogue URL.` };
  }
  let count = DEFAULT_COUNT;
  const rawCount = attrs.count?.trim();
  if (rawCount) {
    const n = Number(rawCount);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_COUNT) count = n;
    else
      warnings.push(
        `count="${rawCount}" is not a whole number from 1 to ${MAX_COUNT}; showing ${DEFAULT_COUNT}.`,
      );
  }
  let backend: BackendName | null = null;
  const rawBackend = attrs.backend?.trim();
  if (rawBackend) {
    if (BACKENDS.has(rawBackend)) backend = rawBackend as BackendName;
    else
      warnings.push(
        `backend="${rawBackend}" is unknown (webgpu, wasm or cpu); choosing automatically.`,
      );
  }
  const rawMode = attrs.mode?.trim();
  const mode: WidgetMode = rawMode === 'campaign' ? 'campaign' : 'strip';
  if (rawMode && rawMode !== mode) {
    warnings.push(`mode="${rawMode}" is unknown (strip or campaign); showing recommendations.`);
  }
  return {
    ok: true,
    warnings,
    options: {
      catalogueUrl,
      count,
      contextItemId: attrs['context-item']?.trim() || undefined,
      query: attrs.query?.trim() || undefined,
      title: attrs.title?.trim() || DEFAULT_TITLE,
      images: attrs.images !== null && attrs.images !== undefined,
      model: attrs.model?.trim() || null,
      backend,
      mode,
    },
  };
}

/** The key of the engine these options need (elements with equal keys share one worker). */
export function engineKey(options: WidgetOptions): string {
  return JSON.stringify([options.catalogueUrl, options.model, options.backend]);
}
