/**
 * Offline evaluation: replays each user's history through the device's own encoder, training
 * and ranking code and scores the lists against what the user did next, beside baselines.
 *
 *   npm run eval -- --catalogue data/movielens/catalogue.json \
 *                   --interactions data/movielens/interactions.jsonl [--k 10] [--replay-users 200]
 *
 * `--replay-users N` also replays the first N users event by event through the device's
 * incremental training schedule (row `fine-tuned (replay)`; slow on long histories).
 * Progress goes to stderr; the last line of stdout is the JSON report.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseCatalogue } from '../src/shared/catalogue/parse';
import { DEFAULT_COLLAB_WEIGHT } from '../src/shared/collab/combine';
import { curveSvg } from '../src/shared/eval/curve';
import { byUser, parseLog } from '../src/shared/eval/log';
import { splitByTime } from '../src/shared/eval/split';
import { errorMessage } from '../src/shared/errors';
import { parseArgs } from './lib/args';
import { runEvaluation, type EvalSettings } from './lib/evaluate';
import { buildSpace } from './lib/eval-space';
import { initNodeBackend } from './lib/tf-node';

const VALUED = [
  'catalogue',
  'interactions',
  'k',
  'model',
  'model-root',
  'max-users',
  'svg',
  'collab-dims',
  'collab-weight',
  'backend',
  'knn',
  'ease',
  'title',
  'report',
  'replay-users',
];

function numberOption(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return parsed;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), VALUED);
  const cataloguePath = args.options.get('catalogue');
  const logPath = args.options.get('interactions');
  if (!cataloguePath || !logPath) {
    throw new Error(
      'Usage: npm run eval -- --catalogue <catalogue.json> --interactions <log.jsonl> [--k 10]',
    );
  }
  const k = Math.max(1, Math.floor(numberOption(args.options.get('k'), 10, 'k')));
  const catalogue = parseCatalogue(await readFile(cataloguePath, 'utf8'));
  const log = parseLog(await readFile(logPath, 'utf8'));
  if (log.problems.length > 0) {
    console.error(`${log.problems.length} log lines skipped, e.g. ${log.problems[0] ?? ''}`);
  }
  const splits = splitByTime(byUser(log.events));
  const backend = await initNodeBackend(args.options.get('backend') === 'cpu' ? 'cpu' : 'wasm');
  const started = performance.now();
  const spaceOptions = {
    model: args.options.get('model') ?? 'lexical',
    modelRoot: args.options.get('model-root') ?? 'public/models',
    collabDims: numberOption(args.options.get('collab-dims'), 128, 'collab-dims'),
    collabWeight: numberOption(
      args.options.get('collab-weight'),
      DEFAULT_COLLAB_WEIGHT,
      'collab-weight',
    ),
  };
  const space = await buildSpace(
    catalogue.items,
    splits.flatMap((s) => s.train),
    spaceOptions,
  );
  console.error(`item space ready in ${Math.round(performance.now() - started)} ms`);
  const settings: EvalSettings = {
    k,
    maxUsers: numberOption(args.options.get('max-users'), Infinity, 'max-users'),
    knnSizes: (args.options.get('knn') ?? '20,50,100,200').split(',').map(Number),
    easeLambdas: (args.options.get('ease') ?? '50,200,500,1000').split(',').map(Number),
    replayUsers: numberOption(args.options.get('replay-users'), 200, 'replay-users'),
    space: spaceOptions,
  };
  const result = await runEvaluation(space, splits, settings, (done, total) => {
    console.error(`users ${done}/${total} (${Math.round((performance.now() - started) / 1000)} s)`);
  });
  const svgPath = args.options.get('svg') ?? join(dirname(logPath), 'learning-curve.svg');
  const title = args.options.get('title') ?? `${catalogue.id}: NDCG@${k} by history length`;
  await mkdir(dirname(svgPath), { recursive: true });
  await writeFile(svgPath, curveSvg(result.curve, title, k));
  console.error(`learning curve written to ${svgPath}`);
  const report = {
    ...result.report,
    dataset: catalogue.id,
    encoder: space.encoder,
    backend,
    collaborative: space.collab,
    seconds: Math.round((performance.now() - started) / 1000),
    curve: result.curve,
  };
  const reportPath = args.options.get('report');
  if (reportPath) {
    await mkdir(dirname(reportPath), { recursive: true });
    await writeFile(reportPath, JSON.stringify(report, null, 2) + '\n');
    console.error(`report written to ${reportPath}`);
  }
  console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
