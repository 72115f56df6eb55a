/**
 * Computes a catalogue's item vectors in Node with the worker's own encoder code and ships them
 * with the catalogue (`vectors` in the contract), so that a first visit needs no encoding.
 *
 *   npm run catalogue:vectors -- <catalogue.json> [--model <id>] [--models-dir public/models]
 *     [--dtype int8|float32] [--precision q8|fp32] [--out <catalogue.json>]
 *
 * Writes `<name>.<model>.vectors.bin` beside the output catalogue and sets its `vectors` field.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseCatalogue } from '../src/shared/catalogue/parse';
import { replaceVectorSpec } from '../src/shared/catalogue/schema';
import { modelFor } from '../src/shared/encoder/models';
import { encodeVectors, type VectorDtype } from '../src/shared/encoder/vector-format';
import { errorMessage } from '../src/shared/errors';
import { denseMatrix } from '../src/shared/ranking/matrix';
import { TransformersEncoder } from '../workers/engine/transformers-encoder';
import { parseArgs } from './lib/args';
import { formatCatalogue } from './lib/catalogue-file';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), [
    'model',
    'models-dir',
    'dtype',
    'precision',
    'out',
  ]);
  const input = args.positional[0];
  if (!input)
    throw new Error('usage: npm run catalogue:vectors -- <catalogue.json> [--model <id>]');
  const text = await readFile(input, 'utf8');
  const catalogue = parseCatalogue(text);
  const model = modelFor(args.options.get('model') ?? null, catalogue);
  if (!model) throw new Error('the lexical encoder needs no precomputed vectors');
  const dtypeArg = args.options.get('dtype') ?? 'int8';
  if (dtypeArg !== 'int8' && dtypeArg !== 'float32') throw new Error(`unknown --dtype ${dtypeArg}`);
  const dtype: VectorDtype = dtypeArg;
  const precision = args.options.get('precision') ?? 'q8';
  if (precision !== 'q8' && precision !== 'fp32')
    throw new Error(`unknown --precision ${precision}`);
  const out = resolve(args.options.get('out') ?? input);
  const encoder = await TransformersEncoder.load({
    modelId: model,
    device: 'cpu',
    dtype: precision,
    modelRoot: resolve(args.options.get('models-dir') ?? 'public/models'),
  });
  const started = performance.now();
  const matrix = await encoder.encodeItems(catalogue.items, undefined, (done, total) => {
    process.stderr.write(`\rencoded ${done} of ${total} items`);
  });
  process.stderr.write('\n');
  await encoder.dispose();
  const slug = model.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  const file = `${basename(out, '.json')}.${slug}.vectors.bin`;
  await writeFile(join(dirname(out), file), encodeVectors(denseMatrix(matrix).data, dtype));
  const spec = { kind: 'text', model, dims: matrix.dims, dtype, url: file };
  // Written into the file as it was (not the validated copy), so a shop's extra fields stay.
  const raw = JSON.parse(text) as typeof catalogue;
  await writeFile(out, formatCatalogue({ ...raw, vectors: replaceVectorSpec(raw, spec) }));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      catalogue: out,
      vectors: file,
      items: matrix.rows,
      dims: matrix.dims,
      dtype,
      model,
      seconds,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
