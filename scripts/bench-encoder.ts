/**
 * Encoder and vector-cache benchmarks in Debian's Chromium, printing one JSON object (last line):
 * encoding throughput per backend and batch size, batched vs one at a time, the engine's encoder
 * vs a bare Transformers.js pipeline (overhead ratio), and loading N cached vectors from IndexedDB.
 *
 *   npm run bench:encoder [-- --models private-recs/tiny-bert,Xenova/all-MiniLM-L6-v2]
 *
 * Models must be installed in public/models (npm run models -- <id>); missing ones are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { build, preview } from 'vite';
import type { EncodeRun } from '../bench/bench-api';
import { itemText } from '../src/shared/encoder/encoder';
import type { Catalogue } from '../src/shared/catalogue/schema';
import { parseArgs } from './lib/args';
import { launchChromium, log, machine } from './lib/bench-browser';

const args = parseArgs(process.argv.slice(2), ['models']);
const models = (args.options.get('models') ?? 'private-recs/tiny-bert,Xenova/all-MiniLM-L6-v2')
  .split(',')
  .filter((model) => existsSync(`public/models/${model}/config.json`));
const catalogue = JSON.parse(readFileSync('public/catalogue.json', 'utf8')) as Catalogue;
const texts = catalogue.items.map(itemText);
const middle = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

await build({ configFile: 'vite.bench.config.ts', logLevel: 'warn' });
const server = await preview({ configFile: 'vite.bench.config.ts', logLevel: 'warn' });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto('http://localhost:4190/');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const gpu = await page.evaluate(() => window.bench.gpu());
  const devices: EncodeRun['device'][] = gpu.available ? ['wasm', 'webgpu'] : ['wasm'];
  const throughput: EncodeRun[] = [];
  const overhead = [];
  for (const model of models) {
    for (const device of devices) {
      for (const batch of [1, 8, 32, 64]) {
        // One at a time is slow on software WebGPU: fewer texts keep the run short.
        const sample = texts.slice(0, batch === 1 ? 64 : 512);
        log(`encode ${model} ${device} batch ${batch}`);
        throughput.push(
          await page.evaluate(
            (a) => window.bench.encode(a.model, a.device, 'q8', a.batch, a.sample),
            {
              model,
              device,
              batch,
              sample,
            },
          ),
        );
      }
      // Alternate our path and the bare pipeline so drift hits both alike; compare medians.
      const runs: Record<'encode' | 'bare', number[]> = { encode: [], bare: [] };
      for (let round = 0; round < 3; round++) {
        for (const kind of ['encode', 'bare'] as const) {
          log(`overhead ${model} ${device} ${kind} round ${round + 1}`);
          const r = await page.evaluate(
            (a) => window.bench[a.kind](a.model, a.device, 'q8', 32, a.texts),
            { kind, model, device, texts },
          );
          runs[kind].push(r.itemsPerSec);
        }
      }
      const ours = middle(runs.encode);
      const bare = middle(runs.bare);
      // Time per item on our path over time per item on the bare pipeline: > 1 is our overhead.
      const oursOverBareTime = Math.round((bare / ours) * 1000) / 1000;
      overhead.push({
        model,
        device,
        batch: 32,
        items: texts.length,
        oursItemsPerSec: ours,
        bareItemsPerSec: bare,
        oursOverBareTime,
      });
    }
  }
  const vectorLoad = [];
  for (const rows of [1_000, 10_000, 100_000]) {
    log(`vector load ${rows}`);
    vectorLoad.push(await page.evaluate((n) => window.bench.vectorLoad(n, 384), rows));
  }
  console.log(
    JSON.stringify({ machine: { ...machine(), gpu }, models, throughput, overhead, vectorLoad }),
  );
} finally {
  await browser.close();
  await server.close();
}
