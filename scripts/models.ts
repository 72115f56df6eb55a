/**
 * Installs a sentence-encoder model into public/models/<id>/ so that the app loads it from its
 * own origin, then verifies that it loads and yields unit vectors (with the worker's encoder code).
 *
 *   npm run models -- <model-id> [--from <dir>] [--dtype q8|fp32|all] [--dest <dir>] [--optional]
 *   npm run models -- --default --optional      (what `npm start` runs)
 *
 * Without --from it downloads from the Hugging Face hub (HF_ENDPOINT overrides the host). Files
 * are staged and verified before they replace an installed copy. --optional turns a failure
 * into a warning: the app then uses its built-in lexical encoder.
 */
import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_MODEL, MODEL_FILES } from '../src/shared/encoder/models';
import { errorMessage } from '../src/shared/errors';
import { TransformersEncoder } from '../workers/engine/transformers-encoder';
import { parseArgs } from './lib/args';

type Dtype = keyof typeof MODEL_FILES.weights;
const HUB = process.env.HF_ENDPOINT ?? 'https://huggingface.co';
const TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['from', 'dtype', 'dest']);
  const model = args.flags.has('default') ? DEFAULT_MODEL : args.positional[0];
  const optional = args.flags.has('optional');
  if (!model)
    throw new Error('usage: npm run models -- <model-id> [--from <dir>] [--dtype q8|fp32|all]');
  const dtypeArg = args.options.get('dtype') ?? 'q8';
  if (!['q8', 'fp32', 'all'].includes(dtypeArg)) throw new Error(`unknown --dtype ${dtypeArg}`);
  const dtypes: Dtype[] = dtypeArg === 'all' ? ['q8', 'fp32'] : [dtypeArg as Dtype];
  const dest = resolve(args.options.get('dest') ?? 'public/models');
  try {
    const target = join(dest, model);
    if (!args.options.has('from') && (await installed(target, dtypes))) {
      await verify(dest, model, dtypes);
      console.error(`${model} is already installed in ${target}.`);
      return;
    }
    const stagingRoot = join(dest, '.staging');
    const staging = join(stagingRoot, model);
    await rm(staging, { recursive: true, force: true });
    const from = args.options.get('from');
    const files = [...MODEL_FILES.required, ...dtypes.map((d) => MODEL_FILES.weights[d])];
    if (from) await copyModel(resolve(from), staging, files);
    else await downloadModel(model, staging, files);
    const summary = await verify(stagingRoot, model, dtypes);
    await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(staging, target);
    console.log(JSON.stringify({ installed: model, path: target, ...summary }));
  } catch (error) {
    const message = `Could not install the text model "${model}": ${errorMessage(error)}`;
    if (!optional) throw new Error(message, { cause: error });
    console.error(`${message}\nThe app will use its built-in lexical encoder (word matching).`);
  }
}

async function installed(target: string, dtypes: readonly Dtype[]): Promise<boolean> {
  const files = [...MODEL_FILES.required, ...dtypes.map((d) => MODEL_FILES.weights[d])];
  const found = await Promise.all(files.map((file) => stat(join(target, file)).catch(() => null)));
  return found.every((entry) => entry?.isFile());
}

async function copyModel(from: string, staging: string, files: readonly string[]): Promise<void> {
  for (const file of [...files, ...MODEL_FILES.optional]) {
    const source = join(from, file);
    const exists = await stat(source).catch(() => null);
    if (!exists) {
      if (files.includes(file)) throw new Error(`${source} is missing`);
      continue;
    }
    await mkdir(dirname(join(staging, file)), { recursive: true });
    await cp(source, join(staging, file));
  }
}

async function downloadModel(
  model: string,
  staging: string,
  files: readonly string[],
): Promise<void> {
  for (const file of [...files, ...MODEL_FILES.optional]) {
    const url = `${HUB}/${model}/resolve/main/${file}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) }).catch(
      (error: unknown) => {
        throw new Error(`${url} could not be reached (${errorMessage(error)})`);
      },
    );
    if (!response.ok) {
      if (!files.includes(file)) continue;
      throw new Error(`${url} answered ${response.status}`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    await mkdir(dirname(join(staging, file)), { recursive: true });
    await writeFile(join(staging, file), bytes);
    console.error(`downloaded ${file} (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB)`);
  }
}

/** Loads each precision with the worker's own encoder code and encodes a few probe texts. */
async function verify(root: string, model: string, dtypes: readonly Dtype[]) {
  const dims: Record<string, number> = {};
  for (const dtype of dtypes) {
    const encoder = await TransformersEncoder.load({
      modelId: model,
      device: 'cpu',
      dtype,
      modelRoot: root,
    });
    await encoder.encodeTexts(['a quiet coffee grinder', 'trail running shoes', 'a board game']);
    dims[dtype] = encoder.info.dims;
    await encoder.dispose();
  }
  return { dims };
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
