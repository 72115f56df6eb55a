/**
 * The shop's side of "collaborative signal without sharing behaviour": from an aggregate
 * interaction log (the shop's own, never a visitor's device), computes item popularity and
 * collaborative item vectors (a factorisation of item co-occurrence) and ships them with the
 * catalogue. Devices combine them with the text vectors; no one's behaviour leaves the shop.
 *
 *   npm run catalogue:build -- --catalogue <catalogue.json> --interactions <log.jsonl>
 *     [--dims 128] [--weight 0.8] [--dtype int8|float32] [--out <catalogue.json>]
 *
 * Writes `<name>.collaborative.vectors.bin` beside the output catalogue, sets each item's
 * `popularity` (distinct users who engaged) and adds a `collaborative` entry to `vectors`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseCatalogue } from '../src/shared/catalogue/parse';
import { replaceVectorSpec, type Catalogue } from '../src/shared/catalogue/schema';
import { buildAggregateModel } from '../src/shared/collab/build';
import { DEFAULT_COLLAB_WEIGHT } from '../src/shared/collab/combine';
import { encodeVectors, type VectorDtype } from '../src/shared/encoder/vector-format';
import { errorMessage } from '../src/shared/errors';
import { parseLog } from '../src/shared/eval/log';
import { parseArgs } from './lib/args';
import { formatCatalogue } from './lib/catalogue-file';

const COLLAB_MODEL = 'cooccurrence-svd';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), [
    'catalogue',
    'interactions',
    'dims',
    'weight',
    'dtype',
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
  if (!Number.isInteger(dims) || dims < 1 || dims > 1024) throw new Error('--dims must be 1–1024');
  if (!(weight >= 0 && weight <= 1)) throw new Error('--weight must be between 0 and 1');
  if (dtypeArg !== 'int8' && dtypeArg !== 'float32') throw new Error(`unknown --dtype ${dtypeArg}`);
  const dtype: VectorDtype = dtypeArg;
  const text = await readFile(input, 'utf8');
  const catalogue = parseCatalogue(text);
  const log = parseLog(await readFile(logPath, 'utf8'));
  if (log.events.length === 0) throw new Error(`${logPath} holds no valid events`);
  const started = performance.now();
  const model = buildAggregateModel(catalogue.items, log.events, { dims });
  const out = resolve(args.options.get('out') ?? input);
  const file = `${basename(out, '.json')}.collaborative.vectors.bin`;
  await writeFile(join(dirname(out), file), encodeVectors(model.factors.data, dtype));
  const spec = {
    kind: 'collaborative',
    model: COLLAB_MODEL,
    dims: model.factors.dims,
    dtype,
    url: file,
    weight,
  };
  // Written into the file as it was (not the validated copy), so a shop's extra fields stay.
  const raw = JSON.parse(text) as Catalogue;
  const items = raw.items.map((item, i) => ({ ...item, popularity: model.popularity[i] ?? 0 }));
  await writeFile(out, formatCatalogue({ ...raw, items, vectors: replaceVectorSpec(raw, spec) }));
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
      dims: model.factors.dims,
      explained: Number(model.factors.explained.toFixed(3)),
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
