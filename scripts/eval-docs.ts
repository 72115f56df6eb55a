/**
 * Renders the results table of docs/evaluation.md from the reports that `npm run eval --
 * --report docs/evaluation/<name>.json` wrote, so that every number there comes from a run.
 *
 *   npm run eval:docs
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../src/shared/errors';

interface ModelResult {
  hr: number;
  ndcg: number;
  mrr: number;
  coverage: number;
  diversity: number;
}

interface Report {
  dataset: string;
  k: number;
  users: number;
  items: number;
  skippedUsers: number;
  encoder: string;
  backend: string;
  seconds: number;
  models: Record<string, ModelResult>;
  ratios: Record<string, number>;
  itemKnn: { neighbours: number };
  ease?: { lambda: number };
  collaborative: { dims: number; explained: number } | null;
}

const DIR = 'docs/evaluation';
const DOC = 'docs/evaluation.md';
const README = 'README.md';

const f = (value: number, digits = 4) => value.toFixed(digits);

function table(report: Report): string {
  const k = report.k;
  const lines = [
    `**${report.dataset}** — ${report.users} users evaluated (${report.skippedUsers} without a held-out positive), ${report.items} items; text encoder \`${report.encoder}\`` +
      (report.collaborative
        ? `, collaborative vectors ${report.collaborative.dims} dims (${f(report.collaborative.explained * 100, 0)} % of co-occurrence energy)`
        : '') +
      `; item-kNN with ${report.itemKnn.neighbours} neighbours` +
      (report.ease ? `, EASE with λ = ${report.ease.lambda}` : '') +
      ` (best tried on the test data); TF.js ${report.backend}; ${report.seconds} s.`,
    '',
    `| model | NDCG@${k} | HR@${k} | MRR@${k} | coverage | diversity | ours ÷ model (NDCG) |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [name, m] of Object.entries(report.models)) {
    const ratio = report.ratios[`on-device/${name}`];
    lines.push(
      `| ${name} | ${f(m.ndcg)} | ${f(m.hr)} | ${f(m.mrr)} | ${f(m.coverage, 3)} | ${f(m.diversity, 3)} | ${ratio === undefined ? '—' : `${f(ratio, 2)}×`} |`,
    );
  }
  return lines.join('\n');
}

/** NDCG@K of every model on every dataset, one row per dataset: the README's summary. */
function headline(reports: readonly Report[]): string {
  const names = ['on-device', 'ease', 'item-knn', 'popularity', 'content', 'profile-fallback'];
  const k = reports[0]?.k ?? 10;
  const lines = [
    `| NDCG@${k} | ${names.join(' | ')} | on-device ÷ EASE | on-device ÷ item-kNN |`,
    `|---|${names.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const r of reports) {
    const cells = names.map((name) => (r.models[name] ? f(r.models[name].ndcg) : '—'));
    const vs = (name: string) => f(r.ratios[`on-device/${name}`] ?? NaN, 2) + '×';
    lines.push(
      `| ${r.dataset} (${r.users} users) | ${cells.join(' | ')} | ${vs('ease')} | ${vs('item-knn')} |`,
    );
  }
  return lines.join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a file. */
async function fill(path: string, name: string, body: string): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const doc = await readFile(path, 'utf8');
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} needs ${start} and ${end} markers`);
  await writeFile(path, `${doc.slice(0, from)}${start}\n\n${body}\n\n${doc.slice(to)}`);
}

async function main(): Promise<void> {
  const files = (await readdir(DIR)).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no reports in ${DIR}; run npm run eval with --report`);
  const reports: Report[] = [];
  for (const file of files) {
    reports.push(JSON.parse(await readFile(join(DIR, file), 'utf8')) as Report);
  }
  await fill(DOC, 'results', reports.map(table).join('\n\n'));
  await fill(README, 'eval-headline', headline(reports));
  console.log(`${DOC} and ${README}: tables from ${files.length} reports in ${DIR}/`);
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
