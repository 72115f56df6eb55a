/**
 * Soak benchmark in Debian's Chromium: 2,000 interactions in one page of the demo app, each
 * followed by the feed the app would show, training as the app schedules it. Prints (last line)
 * and writes docs/benchmarks/soak.json: the worker's tensor count and tensor bytes and the
 * page's JS heap at the start and at the end (both after training settled and a GC), and the
 * heap every 500 interactions. The start is taken after a warm-up of 200 interactions: what the
 * page allocates once (code compiled on first use, caches that fill once) is not per-interaction
 * growth, and V8 later flushes start-up code, which made a start taken right after loading read
 * higher than the end (-20 % on Chromium 150 with the fix below in place).
 *
 *   npm run bench:soak        (builds the app first; a few minutes)
 */
import { writeFileSync } from 'node:fs';
import { build, preview } from 'vite';
import { launchChromium, log, machine } from './lib/bench-browser';

const INTERACTIONS = 2_000;
const WARM_UP = 200;
const CHECK_EVERY = 500;
const PORT = 4193;

await build({ logLevel: 'warn' });
const app = await preview({ preview: { port: PORT, strictPort: true }, logLevel: 'warn' });
const browser = await launchChromium(['--js-flags=--expose-gc']);
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${PORT}/?model=lexical&backend=wasm`);
  await page.waitForSelector('[data-testid="recs.grid"][data-state="ready"]');
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('globalThis.__name = (fn) => fn');
  log(`soak: ${INTERACTIONS} interactions`);
  const figures = await page.evaluate(
    async ({ count, warmUp, every }) => {
      const recs = window.privateRecs;
      const items = await recs.internals.items();
      const types = ['view', 'view', 'click', 'like', 'add_to_cart', 'dislike'] as const;
      const snapshot = async () => {
        await recs.internals.whenTrained();
        // Twice: the first full GC can leave what finalizers and weak references free for the next.
        (globalThis as { gc?: () => void }).gc?.();
        await new Promise((resolve) => setTimeout(resolve, 100));
        (globalThis as { gc?: () => void }).gc?.();
        const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
        return { ...(await recs.internals.tensorMemory()), pageHeapBytes: memory?.usedJSHeapSize };
      };
      // A first session's worth, so that the start already holds trained weights.
      for (const item of items.slice(0, 10)) await recs.track({ type: 'like', itemId: item.id });
      const interact = async (i: number) => {
        const item = items[(i * 7919) % items.length];
        await recs.track({ type: types[i % types.length] ?? 'view', itemId: item?.id ?? '' });
        await recs.recommend({ count: 12 });
      };
      for (let i = 0; i < warmUp; i++) await interact(i);
      const start = await snapshot();
      const pageHeapAt: Record<number, number | undefined> = { 0: start.pageHeapBytes };
      for (let i = 1; i <= count; i++) {
        await interact(warmUp + i);
        if (i % every === 0 && i < count) pageHeapAt[i] = (await snapshot()).pageHeapBytes;
      }
      const end = await snapshot();
      pageHeapAt[count] = end.pageHeapBytes;
      return { start, end, pageHeapAt };
    },
    { count: INTERACTIONS, warmUp: WARM_UP, every: CHECK_EVERY },
  );
  const change = (a: number | undefined, b: number | undefined) =>
    a && b ? Math.round(((b - a) / a) * 1000) / 10 : null;
  const result = {
    benchmark: 'soak',
    date: new Date().toISOString(),
    machine: machine(),
    backend: 'wasm',
    encoder: 'lexical',
    interactions: INTERACTIONS,
    warmUp: WARM_UP,
    ...figures,
    changePercent: {
      tensors: change(figures.start.tensors, figures.end.tensors),
      tensorBytes: change(figures.start.bytes, figures.end.bytes),
      pageHeap: change(figures.start.pageHeapBytes, figures.end.pageHeapBytes),
    },
    target: 'flat within 5 %',
  };
  writeFileSync('docs/benchmarks/soak.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await app.close();
}
