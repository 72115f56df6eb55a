import { proxy, wrap, type Remote } from 'comlink';
import workerUrl from '../../workers/engine.worker.ts?worker&url';
import type {
  EngineApi,
  EngineChange,
  EngineConfig,
  EngineProgress,
  EngineStatus,
} from '../shared/engine-api';

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

/** One engine worker: its RPC handle, its start-up, and a promise of its end. */
export interface EngineWorker {
  worker: Worker;
  engine: Remote<EngineApi>;
  started: Promise<EngineStatus>;
  /** Resolves with a reason when the worker is gone: an `error` event, or its liveness lock freed. */
  gone: Promise<string>;
}

let started = 0;

/** Starts an engine worker and returns its typed RPC handle; all ML and storage work runs there. */
export function startEngine(
  config: EngineConfig,
  onProgress: (progress: EngineProgress) => void,
  onChange: (change: EngineChange) => void,
): EngineWorker {
  const worker = moduleWorker(new URL(workerUrl, import.meta.url));
  const engine = wrap<EngineApi>(worker);
  const gone = new Promise<string>((resolve) => {
    // An uncaught error leaves the worker in an unknown state (or it never loaded): replace it.
    worker.addEventListener('error', (event) => {
      const message = event instanceof ErrorEvent && event.message ? event.message : 'no details';
      resolve(`it failed: ${message}`);
    });
    watchLiveness(engine, () => {
      resolve('it stopped');
    });
  });
  // Sent before init, so the lock is held while start-up runs.
  return { worker, engine, started: engine.init(config, proxy(onProgress), proxy(onChange)), gone };
}

/**
 * Comlink calls to a worker that has ended never settle. The worker holds a Web Lock for its
 * life; queued for the same lock, the page is granted it exactly when the worker is gone.
 */
function watchLiveness(engine: Remote<EngineApi>, onGone: () => void): void {
  if (!('locks' in navigator)) return;
  started += 1;
  const name = `private-recs:engine:${started}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
  engine
    .holdAliveLock(name)
    .then((held) => (held ? navigator.locks.request(name, onGone) : undefined))
    .catch((error: unknown) => {
      // Locks denied (storage blocked in a cross-site frame): `error` events still restart it.
      console.warn('private-recs: cannot watch the engine worker', error);
    });
}
