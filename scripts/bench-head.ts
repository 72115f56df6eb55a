/**
 * Personal-head benchmarks in Debian's Chromium, printing one JSON object (last line): re-rank
 * time for 1k/10k/100k items per backend, full retrain time for 100/1,000/10,000 interactions
 * and the incremental update after one more, backend memory of a 100k-item catalogue, and the
 * time from an interaction to refreshed recommendations on the real page.
 *
 *   npm run bench:head [-- --backends wasm,cpu,webgpu]   (builds the app and the harness first;
 *   takes a few minutes)
 *
 * A run that exceeds its time limit (software WebGPU is slow) is reported as skipped.
 */
import type { Page } from '@playwright/test';
import { build, preview } from 'vite';
import { launchChromium, likesToRefresh, log, machine } from './lib/bench-browser';

const LIMIT_MS = 150_000;
/** `npm run bench:head -- --backends wasm,cpu` measures only those (default: all three). */
const backendsAt = process.argv.indexOf('--backends');
const BACKENDS = (backendsAt > 0 ? (process.argv[backendsAt + 1] ?? '') : 'wasm,cpu,webgpu').split(
  ',',
);

async function limited<T>(label: string, work: Promise<T>): Promise<T | { skipped: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ skipped: string }>((resolve) => {
    timer = setTimeout(() => {
      resolve({ skipped: `over ${LIMIT_MS / 1000} s` });
    }, LIMIT_MS);
  });
  log(label);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Time from track() to the recommendation grid changing on the page, for several likes. */
async function clickToRefresh(page: Page): Promise<number[]> {
  await page.goto('http://localhost:4191/?model=lexical&backend=wasm');
  await page.waitForSelector('[data-testid="recs.grid"][data-state="ready"]');
  const ids = await page.evaluate(async () =>
    (await window.privateRecs.internals.items())
      .filter((i) => i.category?.startsWith('Pets'))
      .slice(0, 8)
      .map((i) => i.id),
  );
  return likesToRefresh(page, ids);
}

await build({ logLevel: 'warn' });
await build({ configFile: 'vite.bench.config.ts', logLevel: 'warn' });
const harness = await preview({ configFile: 'vite.bench.config.ts', logLevel: 'warn' });
const app = await preview({ preview: { port: 4191, strictPort: true }, logLevel: 'warn' });
const browser = await launchChromium();
try {
  const rerank = [];
  const training = [];
  for (const backend of BACKENDS) {
    // A fresh page per backend: TF.js keeps one backend per worker.
    const page = await browser.newPage();
    await page.goto('http://localhost:4190/');
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    // A million rows on the backends that can score them in time (software WebGPU cannot).
    const sizes = backend === 'webgpu' ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000];
    for (const rows of sizes) {
      const run = page.evaluate((a) => window.bench.rerank(a.backend, a.rows, 384), {
        backend,
        rows,
      });
      rerank.push({ backend, rows, ...(await limited(`rerank ${backend} ${rows}`, run)) });
    }
    for (const interactions of [100, 1_000, 10_000]) {
      const run = page.evaluate((a) => window.bench.train(a.backend, 10_000, 384, a.interactions), {
        backend,
        interactions,
      });
      training.push({
        backend,
        interactions,
        ...(await limited(`train ${backend} ${interactions}`, run)),
      });
    }
    await page.close();
  }
  const page = await browser.newPage();
  log('click to refresh');
  const refresh = await clickToRefresh(page);
  const sorted = [...refresh].sort((a, b) => a - b);
  const clickToRefreshMs = { runs: refresh, median: sorted[Math.floor(sorted.length / 2)] ?? null };
  console.log(
    JSON.stringify({ machine: machine(), dims: 384, rerank, training, clickToRefreshMs }),
  );
} finally {
  await browser.close();
  await harness.close();
  await app.close();
}
