/**
 * What the service worker caches at run time (the app shell is precached instead). The build
 * config hands these matchers to Workbox, which serialises them into the generated service
 * worker, so each must stand alone: no imports, no module-level names, only its argument. The
 * page uses the same functions to pick the files it re-requests after the first install.
 */

/** What Workbox passes a route's match callback (the part these matchers read). */
export interface RouteMatch {
  /** A URL object (structurally: shared code has no DOM types). */
  url: { pathname: string };
  sameOrigin: boolean;
}

/** Cache Storage names of the runtime caches (precaching uses Workbox's own). */
export const RUNTIME_CACHES = {
  catalogue: 'private-recs-catalogue',
  models: 'private-recs-models',
  runtimes: 'private-recs-runtimes',
} as const;

/** Text-model files (`models/**`): too large to precache, fixed per model id: cache first. */
export function isModelFile({ url, sameOrigin }: RouteMatch): boolean {
  return sameOrigin && url.pathname.includes('/models/');
}

/** The TF.js and onnxruntime WebAssembly runtimes (`assets/*.wasm`, content-hashed): cache first. */
export function isRuntimeWasm({ url, sameOrigin }: RouteMatch): boolean {
  return sameOrigin && /\/assets\/[^/]+\.wasm$/.test(url.pathname);
}

/**
 * Catalogue data: same-origin JSON outside `models/`, and the `.vectors.bin` and `.head.bin`
 * (global model) files a catalogue ships beside it. Stale-while-revalidate: the copy at hand now,
 * the shop's update next time.
 */
export function isCatalogueData({ url, sameOrigin }: RouteMatch): boolean {
  return (
    sameOrigin &&
    !url.pathname.includes('/models/') &&
    /(\.json|\.vectors\.bin|\.head\.bin)$/.test(url.pathname)
  );
}

/** Whether one of the runtime caches above keeps this URL. */
export function isRuntimeCached(match: RouteMatch): boolean {
  return isModelFile(match) || isRuntimeWasm(match) || isCatalogueData(match);
}
