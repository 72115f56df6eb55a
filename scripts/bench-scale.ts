/**
 * Scale benchmark in Debian's Chromium: the demo app on generated catalogues of 1k, 10k, 100k
 * and 1M items (short texts, the built-in lexical encoder), per TF.js backend. For each size it
 * reports the time until `ready()`, `recommend()` for a new visitor and after five clicks, and,
 * measured in the same worker on the same item matrix, the bare scan of that matrix (one dot
 * product of a query with every row: the memory-bound floor) with the ratio of `recommend()` to
 * it; the matrix's form and bytes, the TF.js tensor bytes and the memory the browser's
 * processes gained (RSS: page, worker and GPU process together, an upper bound of the worker's).
 * At 100k items it also times a click until the list on the page changed.
 *
 * `--shipped` sizes are measured again as a shop with a sentence-encoder model would serve them:
 * the catalogue ships 384-dim int8 text vectors (`vectors` in the contract; synthetic, with the
 * same six categories) for a model the benchmark generates (the tiny fixture's graph at 384
 * dims, `scripts/make-tiny-model.ts --hidden 384`): no text is encoded on the device, the item
 * matrix is dense, and the bare scan reads 384 bytes per row.
 *
 *   npm run bench:scale [-- --sizes 1000,10000,100000,1000000 --shipped 100000 --backends wasm,cpu]
 *
 * Builds the app first; prints JSON (last line) and writes docs/benchmarks/scale.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { GENERATED_CATEGORIES, generatedCatalogue } from '../test/generators/catalogue-cases';
import { encodeVectors } from '../src/shared/encoder/vector-format';
import { normalize } from '../src/shared/ranking/matrix';
import { seededRandom } from '../src/shared/random';
import { parseArgs } from './lib/args';
import { likesToRefresh, log, machine } from './lib/bench-browser';

const PORT = 4197;
const args = parseArgs(process.argv.slice(2), ['sizes', 'shipped', 'backends', 'out']);
const SIZES = (args.options.get('sizes') ?? '1000,10000,100000,1000000').split(',').map(Number);
const SHIPPED = (args.options.get('shipped') ?? '100000').split(',').filter(Boolean).map(Number);
/** The generated stand-in for a sentence encoder, and the width of its shipped vectors. */
const SHIPPED_MODEL = 'bench/wide-bert';
const SHIPPED_DIMS = 384;
const BACKENDS = (args.options.get('backends') ?? 'wasm,cpu').split(',');
const OUT = args.options.get('out') ?? 'docs/benchmarks/scale.json';
const RUNS = 7;
const CATEGORIES = GENERATED_CATEGORIES;

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
function treeRssMB(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while the list was read.
    }
  }
  let kb = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() ?? 0;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return Math.round(kb / 1024);
}

/** The browser process of a persistent context: the one started with its profile folder. */
function browserPid(profile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(`--user-data-dir=${profile}`) && !cmdline.includes('--type=')) {
        return Number(entry);
      }
    } catch {
      // Gone already.
    }
  }
  throw new Error('the benchmark browser process was not found');
}

async function open(): Promise<{ context: BrowserContext; profile: string; pid: number }> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The service worker would copy each catalogue into its cache: not what is measured.
    serviceWorkers: 'block',
    args: [
      '--no-sandbox',
      '--headless=new',
      '--enable-unsafe-webgpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return { context, profile, pid: browserPid(profile) };
}

const median = (values: number[]) =>
  Math.round(([...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN) * 10) / 10;

/** One size on one backend in a fresh browser (fresh storage, fresh worker). */
async function measure(backend: string, rows: number, shipped = false) {
  const { context, profile, pid } = await open();
  try {
    const page = await context.newPage();
    const startup: string[] = [];
    page.on('console', (message) => {
      if (/^(Catalogue:|Start-up|Search index)/.test(message.text())) startup.push(message.text());
    });
    await page.goto('about:blank');
    const baseMB = treeRssMB(pid);
    await page.goto(
      shipped
        ? `http://localhost:${PORT}/?catalogue=/bench-scale/shipped-${rows}.json&backend=${backend}&model=${SHIPPED_MODEL}`
        : `http://localhost:${PORT}/?catalogue=/bench-scale/${rows}.json&backend=${backend}&model=lexical`,
    );
    // tsx keeps function names with a helper the page does not have.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const readyMs = await page.evaluate(async () => {
      await window.privateRecs.ready();
      return performance.now();
    });
    // Start-up goes on after ready: the search index is built in the background, a step at a
    // time, and a call that arrives during a step waits for it. recommend() is timed once that
    // is done (its cost, not start-up's); how long it took is in `startup`.
    const indexed = await waitFor(() => startup.some((line) => line.startsWith('Search index')));
    // The generator's item i is "g-i" in category i mod 6: the page never needs the item list.
    const figures = await page.evaluate(
      async ({ runs, categories }) => {
        const recs = window.privateRecs;
        const status = await recs.ready();
        const time = async () => {
          const times: number[] = [];
          await recs.recommend({ count: 10 });
          for (let i = 0; i < runs; i++) {
            const start = performance.now();
            await recs.recommend({ count: 10 });
            times.push(performance.now() - start);
          }
          return times;
        };
        const newVisitor = await time();
        const kitchen = categories.indexOf('Kitchen');
        for (let k = 10; k < 15; k++) {
          await recs.track({ type: 'click', itemId: `g-${kitchen + categories.length * k}` });
        }
        await recs.internals.whenTrained();
        const afterClicks = await time();
        const matrix = await recs.internals.itemMatrix(runs);
        const top = await recs.recommend({ count: 10 });
        const fromCategory = top.filter(
          (r) => Number(r.itemId.slice(2)) % categories.length === kitchen,
        ).length;
        return {
          backend: status.backend,
          newVisitor,
          afterClicks,
          matrix,
          fromClickedCategory: fromCategory,
          tensors: await recs.internals.tensorMemory(),
        };
      },
      { runs: RUNS, categories: CATEGORIES },
    );
    const afterClicksMs = median(figures.afterClicks);
    const scanMs = figures.matrix.scanMs ?? NaN;
    const browserRssGainMB = treeRssMB(pid) - baseMB;
    const refresh = rows === 100_000 && !shipped ? await clickToRefresh(page) : null;
    return {
      backend: figures.backend,
      rows,
      vectors: shipped ? `shipped, ${SHIPPED_DIMS}-dim int8` : 'lexical (computed on the device)',
      readyMs: Math.round(readyMs),
      timedAfterSearchIndex: indexed,
      recommendNewVisitorMs: median(figures.newVisitor),
      recommendAfterClicksMs: afterClicksMs,
      bareScanMs: Math.round(scanMs * 10) / 10,
      ratioToBareScan: Math.round((afterClicksMs / scanMs) * 100) / 100,
      matrix: {
        form: figures.matrix.form,
        dims: figures.matrix.dims,
        MB: Math.round((figures.matrix.bytes / 1024 / 1024) * 10) / 10,
      },
      tensorMB: Math.round((figures.tensors.bytes / 1024 / 1024) * 10) / 10,
      browserRssGainMB,
      startup,
      topTenFromClickedCategory: figures.fromClickedCategory,
      ...(refresh ? { clickToRefreshMs: refresh } : {}),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Polls `done` every 100 ms for up to `limitMs`; whether it came true. */
async function waitFor(done: () => boolean, limitMs = 180_000): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (!done()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** Time from a like to the recommendation grid changing on the page, for several likes. */
async function clickToRefresh(page: Page) {
  const garden = CATEGORIES.indexOf('Garden');
  const ids = Array.from({ length: 8 }, (_, k) => `g-${garden + CATEGORIES.length * (200 + k)}`);
  const runs = await likesToRefresh(page, ids);
  return { runs, median: median(runs) };
}

type Row =
  | Awaited<ReturnType<typeof measure>>
  | { backend: string; rows: number; vectors: string; failed: string };

/** Rewrites the scale table in docs/benchmarks.md (between its markers) from these figures. */
function writeTable(results: readonly Row[]): void {
  const path = 'docs/benchmarks.md';
  const doc = readFileSync(path, 'utf8');
  const start = '<!-- scale:start -->';
  const end = '<!-- scale:end -->';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} has no ${start} … ${end} markers`);
  const n = (x: number) => x.toLocaleString('en');
  const lines = [
    '| backend | items | ready | recommend(), new visitor | recommend() after 5 clicks | bare scan of the same matrix | ratio | matrix | browser memory gained |',
    '| ------- | ----: | ----: | -----------------------: | -------------------------: | ---------------------------: | ----: | -----: | --------------------: |',
    ...results.map((r) =>
      'failed' in r
        ? `| ${r.backend} | ${n(r.rows)} | failed: ${r.failed.replace(/\|/g, '/')} | | | | | | |`
        : `| ${r.backend} | ${n(r.rows)}${r.vectors.startsWith('shipped') ? ` (${r.vectors})` : ''} | ${n(r.readyMs)} ms | ${r.recommendNewVisitorMs} ms | ${r.recommendAfterClicksMs} ms | ${r.bareScanMs} ms | ${Number.isFinite(r.ratioToBareScan) ? `${r.ratioToBareScan}×` : '—'} | ${r.matrix.form}, ${r.matrix.MB} MB | ${n(r.browserRssGainMB)} MB |`,
    ),
  ];
  const refresh = results.find((r) => !('failed' in r) && r.clickToRefreshMs);
  if (refresh && !('failed' in refresh) && refresh.clickToRefreshMs) {
    lines.push(
      '',
      `Click → refreshed list on the page at 100,000 items (${refresh.backend}): median ${refresh.clickToRefreshMs.median} ms (${refresh.clickToRefreshMs.runs.join(', ')} ms over 8 likes).`,
    );
  }
  writeFileSync(
    path,
    `${doc.slice(0, from + start.length)}\n${lines.join('\n')}\n${doc.slice(to)}`,
  );
}

/**
 * The generated catalogue of `rows` items with shipped text vectors: each item's vector is its
 * category's axis, an axis of its own and a little noise, as int8 (what `npm run
 * catalogue:vectors` writes for a real model).
 */
function writeShipped(rows: number): void {
  const random = seededRandom(rows);
  const data = new Float32Array(rows * SHIPPED_DIMS);
  for (let i = 0; i < rows; i++) {
    const v = data.subarray(i * SHIPPED_DIMS, (i + 1) * SHIPPED_DIMS);
    for (let d = 0; d < SHIPPED_DIMS; d++) v[d] = (random() - 0.5) * 0.1;
    v[i % CATEGORIES.length] = (v[i % CATEGORIES.length] ?? 0) + 1;
    const own = CATEGORIES.length + ((i * 31) % (SHIPPED_DIMS - CATEGORIES.length));
    v[own] = (v[own] ?? 0) + 0.5;
    normalize(v);
  }
  const file = `shipped-${rows}.vectors.bin`;
  writeFileSync(`dist/bench-scale/${file}`, encodeVectors(data, 'int8'));
  const spec = { kind: 'text', model: SHIPPED_MODEL, dims: SHIPPED_DIMS, dtype: 'int8', url: file };
  writeFileSync(
    `dist/bench-scale/shipped-${rows}.json`,
    generatedCatalogue(rows, `bench-shipped-${rows}`).replace(
      '"items":[',
      `"vectors":${JSON.stringify(spec)},"items":[`,
    ),
  );
}

await build({ logLevel: 'warn' });
mkdirSync('dist/bench-scale', { recursive: true });
for (const rows of SIZES) {
  writeFileSync(`dist/bench-scale/${rows}.json`, generatedCatalogue(rows, `bench-${rows}`));
}
if (SHIPPED.length > 0) {
  execFileSync(
    'npx',
    [
      'tsx',
      'scripts/make-tiny-model.ts',
      '--hidden',
      String(SHIPPED_DIMS),
      '--out',
      `dist/models/${SHIPPED_MODEL}`,
    ],
    { stdio: 'inherit' },
  );
}
for (const rows of SHIPPED) writeShipped(rows);
const app = await preview({ preview: { port: PORT, strictPort: true }, logLevel: 'warn' });
try {
  const results: Row[] = [];
  const runs = [
    ...SIZES.map((rows) => ({ rows, shipped: false })),
    ...SHIPPED.map((rows) => ({ rows, shipped: true })),
  ];
  for (const backend of BACKENDS) {
    for (const { rows, shipped } of runs) {
      log(
        `scale: ${backend} ${rows.toLocaleString('en')} items${shipped ? ', shipped vectors' : ''}`,
      );
      try {
        results.push(await measure(backend, rows, shipped));
      } catch (error) {
        const vectors = shipped ? 'shipped' : 'lexical';
        results.push({ backend, rows, vectors, failed: String(error).slice(0, 300) });
      }
      log(JSON.stringify(results.at(-1)));
    }
  }
  const report = {
    benchmark: 'scale',
    date: new Date().toISOString(),
    machine: machine(),
    encoder: 'lexical',
    catalogue: 'generated: short titles, 6 categories (test/generators/catalogue-cases.ts)',
    targets: {
      recommendAt100kToBareScan: '≤ 1.5',
      recommendAt1MMs: '≤ 400',
      clickToRefreshAt100kMs: '≤ 100 (median)',
    },
    results,
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  if (!args.options.has('out')) writeTable(results);
  console.log(JSON.stringify(report));
} finally {
  await app.close();
}
