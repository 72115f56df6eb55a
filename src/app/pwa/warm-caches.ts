import { isRuntimeCached } from '../../shared/pwa/runtime-routes';

export interface WarmDeps {
  /** Resolves once a service worker controls this page (its fetches then pass through it). */
  controlled(): Promise<void>;
  /** What the engine worker has fetched, once its start-up and indexing have settled. */
  engineUrls(): Promise<string[]>;
  fetch(url: string): Promise<Response>;
  /** The page's origin: only same-origin files are cached. */
  origin: string;
  /**
   * Resolves once the service worker has stored `url`: it writes in the background after
   * answering, so "ready to work offline" waits for the write too.
   */
  stored?(url: string): Promise<void>;
}

/**
 * On a first visit the engine worker loads the catalogue, the model and the WebAssembly runtimes
 * before the new service worker controls anything, so none of them reach its runtime caches.
 * Once it does control the page, this requests those same files again through it (usually
 * answered from the HTTP cache by revalidation), so one visit is enough to work offline. The URLs
 * are the ones the session already requested: nothing here depends on the visitor's behaviour.
 * Returns the URLs it warmed.
 */
export async function warmRuntimeCaches(deps: WarmDeps): Promise<string[]> {
  await deps.controlled();
  const urls = [...new Set(await deps.engineUrls())].filter((href) => {
    const url = new URL(href);
    return isRuntimeCached({ url, sameOrigin: url.origin === deps.origin });
  });
  for (const url of urls) {
    const response = await deps.fetch(url);
    // Drain the body without holding it: the service worker keeps its own copy. A missing file
    // (a model that is not installed) is not an error: the engine did without it too.
    await response.body?.pipeTo(new WritableStream());
    if (response.ok) await deps.stored?.(url);
  }
  return urls;
}

/**
 * The engine's fetched URLs worth keeping offline: without the model files of a text model that
 * did not load (not installed, broken). Those would fail again, and asking for them a second time
 * made the number of requests per visit depend on when the warm-up ran (issue 16).
 */
export function usableEngineUrls(urls: readonly string[], modelLoaded: boolean): string[] {
  return modelLoaded
    ? [...urls]
    : urls.filter((href) => !new URL(href).pathname.includes('/models/'));
}

/** Resolves when the page has a controlling service worker. */
export function whenControlled(container: ServiceWorkerContainer): Promise<void> {
  if (container.controller) return Promise.resolve();
  return new Promise((resolve) => {
    container.addEventListener(
      'controllerchange',
      () => {
        resolve();
      },
      { once: true },
    );
  });
}

/** Resolves when `url` is in one of the page's caches, or after `tries` checks 100 ms apart. */
export async function whenStored(url: string, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await caches.match(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.warn(`private-recs: ${url} was not stored for offline use.`);
}
