import { proxy, wrap, type Remote } from 'comlink';
import workerUrl from '../../workers/engine.worker.ts?worker&url';
import type { EngineApi, EngineConfig, EngineProgress } from '../shared/engine-api';

/**
 * Starts the module worker at `url` through a same-origin `blob:` module that imports it. A
 * worker from a blob URL inherits the page's Content-Security-Policy (one from its own URL
 * would take the policy of its response headers, i.e. none on a plain static host), and a page
 * cannot start a worker from another origin (the widget served from a CDN) any other way. The
 * worker script and its chunks need CORS in that case, as the widget module itself does.
 */
function moduleWorker(url: URL): Worker {
  const loader = new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' });
  const blobUrl = URL.createObjectURL(loader);
  const worker = new Worker(blobUrl, { type: 'module', name: 'private-recs-engine' });
  // The worker has fetched its script by the time it sends anything back.
  worker.addEventListener(
    'message',
    () => {
      URL.revokeObjectURL(blobUrl);
    },
    { once: true },
  );
  return worker;
}

/** Starts the engine worker and returns its typed RPC handle; all ML and storage work runs there. */
export function startEngine(
  config: EngineConfig,
  onProgress: (progress: EngineProgress) => void,
): {
  engine: Remote<EngineApi>;
  started: ReturnType<Remote<EngineApi>['init']>;
  worker: Worker;
} {
  const worker = moduleWorker(new URL(workerUrl, import.meta.url));
  const engine = wrap<EngineApi>(worker);
  return { engine, started: engine.init(config, proxy(onProgress)), worker };
}
