/**
 * The shop's side of "collaborative signal without sharing behaviour": from an aggregate
 * interaction log (the shop's own, never a visitor's device), computes item popularity and
 * collaborative item vectors (a factorisation of item co-occurrence) and the shop's global model
 * (EASE's top-k item–item entries, src/shared/global/) and ships them with the catalogue. Devices
 * combine the vectors with the text vectors and start their scoring head from the global model;
 * no one's behaviour leaves the shop.
 *
 *   npm run catalogue:build -- --catalogue <catalogue.json> --interactions <log.jsonl>
 *     [--dims 128] [--weight 0.8] [--dtype int8|float32] [--top-k 50] [--out <catalogue.json>]
 *
 * Writes `<name>.collaborative.vectors.bin` and `<name>.head.bin` beside the output catalogue,
 * sets each item's `popularity` (distinct users who engaged), adds a `collaborative` entry to
 * `vectors` and sets `model` (docs/contracts.md#global-model). `--top-k 0` ships no model;
 * `--dims 0` no collaborative vectors (popularity and the model only).
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseCatalogue } from '../src/shared/catalogue/parse';
import { replaceVectorSpec, type Catalogue } from '../src/shared/catalogue/schema';
import { buildAggregateModel } from '../src/shared/collab/build';
import { DEFAULT_COLLAB_WEIGHT } from '../src/shared/collab/combine';
import { encodeVectors, type VectorDtype } from '../src/shared/encoder/vector-format';
import { errorMessage } from '../src/shared/errors';
import { parseLog } from '../src/shared/eval/log';
import { buildGlobalModel, DEFAULT_TOP_K } from '../src/shared/global/build';
import { encodeModel, GLOBAL_MODEL_FORMAT, MAX_K } from '../src/shared/global/model-file';
import { parseArgs } from './lib/args';
import type { SpaceOptions } from './lib/eval-space';
import { learnShopHead, shopHeadReport } from './lib/shop-head';
import { initNodeBackend } from './lib/tf-node';
import { formatCatalogue } from './lib/catalogue-file';

const COLLAB_MODEL = 'cooccurrence-svd';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), [
    'catalogue',
    'interactions',
    'dims',
    'weight',
    'dtype',
    'top-k',
    'out',
  ]);
  const input = args.options.get('catalogue');
  const logPath = args.options.get('interactions');
  if (!input || !logPath) {
    throw new Error(
      'usage: npm run catalogue:build -- --catalogue <catalogue.json> --interactions <log.jsonl>',
    );
  }
  const dims = Number(args.options.get('dims') ?? 128);
  const weight = Number(args.options.get('weight') ?? DEFAULT_COLLAB_WEIGHT);
  const dtypeArg = args.options.get('dtype') ?? 'int8';
  if (!Number.isInteger(dims) || dims < 0 || dims > 1024) throw new Error('--dims must be 0–1024');
  if (!(weight >= 0 && weight <= 1)) throw new Error('--weight must be between 0 and 1');
  if (dtypeArg !== 'int8' && dtypeArg !== 'float32') throw new Error(`unknown --dtype ${dtypeArg}`);
  const topK = Number(args.options.get('top-k') ?? DEFAULT_TOP_K);
  if (!Number.isInteger(topK) || topK < 0 || topK > MAX_K) {
    throw new Error(`--top-k must be 0–${MAX_K}`);
  }
  const dtype: VectorDtype = dtypeArg;
  const text = await readFile(input, 'utf8');
  const catalogue = parseCatalogue(text);
  const log = parseLog(await readFile(logPath, 'utf8'));
  if (log.events.length === 0) throw new Error(`${logPath} holds no valid events`);
  const started = performance.now();
  // The start-weight validation runs the device's head (TF.js) in Node.
  if (topK > 0) await initNodeBackend('wasm');
  // `--dims 0`: popularity and the global model only, no collaborative vectors.
  const model = buildAggregateModel(catalogue.items, log.events, { dims: Math.max(1, dims) });
  const out = resolve(args.options.get('out') ?? input);
  const file = dims > 0 ? `${basename(out, '.json')}.collaborative.vectors.bin` : null;
  if (file) await writeFile(join(dirname(out), file), encodeVectors(model.factors.data, dtype));
  const spec = (url: string) => ({
    kind: 'collaborative',
    model: COLLAB_MODEL,
    dims: model.factors.dims,
    dtype,
    url,
    weight,
  });
  // Written into the file as it was (not the validated copy), so a shop's extra fields stay.
  const raw = JSON.parse(text) as Catalogue;
  const items = raw.items.map((item, i) => ({ ...item, popularity: model.popularity[i] ?? 0 }));
  const spaceOptions = {
    model: 'lexical',
    modelRoot: 'public/models',
    collabDims: dims,
    collabWeight: dims > 0 ? weight : 0,
  };
  const global =
    topK > 0 ? await writeGlobalModel(catalogue, log.events, topK, out, spaceOptions) : null;
  const vectors = file ? replaceVectorSpec(raw, spec(file)) : raw.vectors;
  // Without a new model an earlier one is dropped (undefined is not written): another log built it.
  const next = { ...raw, items, vectors, model: global?.spec };
  await writeFile(out, formatCatalogue(next));
  const used = model.popularity.filter((p) => p > 0).length;
  console.log(
    JSON.stringify({
      catalogue: out,
      vectors: file,
      items: catalogue.items.length,
      itemsWithUsage: used,
      users: model.users,
      events: log.events.length,
      skippedLines: log.problems.length,
      dims: file ? model.factors.dims : 0,
      explained: file ? Number(model.factors.explained.toFixed(3)) : null,
      globalModel: global?.report ?? null,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    }),
  );
}

/**
 * Builds the global model from the whole log (λ and recency chosen on its held-out part, then the
 * head's starting point learned from that part with the device's own trainer, over the item
 * space a device with the built-in encoder has) and writes `<name>.head.bin` beside `out`.
 */
async function writeGlobalModel(
  catalogue: Catalogue,
  events: Parameters<typeof buildGlobalModel>[1],
  topK: number,
  out: string,
  spaceOptions: SpaceOptions,
) {
  const ids = catalogue.items.map((item) => item.id);
  const built = buildGlobalModel(ids, events, topK);
  const settings = { ...built.stats, k: topK };
  const start = await learnShopHead(catalogue.items, events, settings, spaceOptions);
  const model = { ...built.model, ...(start.head ? { startHead: start.head } : {}) };
  const bytes = encodeModel(model, ids, built.stats.lambda);
  const file = `${basename(out, '.json')}.head.bin`;
  await writeFile(join(dirname(out), file), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const spec = { url: file, sha256, bytes: bytes.byteLength, format: GLOBAL_MODEL_FORMAT };
  const per10k = Math.round((bytes.byteLength / Math.max(1, ids.length)) * 10_000);
  const report = {
    file,
    ...built.stats,
    startHead: shopHeadReport(start),
    bytes: bytes.byteLength,
    bytesPer10kItems: per10k,
  };
  return { spec, report };
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
