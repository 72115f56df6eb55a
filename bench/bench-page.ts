import { wrap } from 'comlink';
import type { BenchApi } from './bench-api';

declare global {
  interface Window {
    /** The benchmark worker, driven by scripts/bench-encoder.ts through Playwright. */
    bench: ReturnType<typeof wrap<BenchApi>>;
  }
}

window.bench = wrap<BenchApi>(
  new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' }),
);
document.body.dataset.ready = 'true';
