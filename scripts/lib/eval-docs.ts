/**
 * The tables of docs/evaluation.md, rendered from the JSON reports of `npm run eval` (see
 * scripts/eval-docs.ts).
 */
import type { ReplaySummary } from './evaluate';

export interface ModelResult {
  hr: number;
  ndcg: number;
  mrr: number;
  coverage: number;
  diversity: number;
}

export interface Report {
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
  /** The shop's global model (global-only and fine-tuned rows), in reports that have them. */
  global?: {
    lambda: number;
    /** Absent in reports made before recency existed. */
    recency?: { tau: number; weight: number };
    /** The head's starting weight on the global score (reports before the shop's head). */
    startWeight?: number;
    /** The head's starting point learned by the shop (absent in older reports). */
    startHead?: {
      learned: boolean;
      users: number;
      validationNdcg: { builtIn: number; learned: number };
    };
    entries: number;
    bytes: number;
    bytesPer10kItems: number;
  };
  collaborative: { dims: number; explained: number } | null;
  /** The incremental replay (row `fine-tuned (replay)`) and full training on the same users. */
  replay?: ReplaySummary | null;
}

const REPLAY = 'fine-tuned (replay)';

/** How the head starts from the shop's model, as the results line says it. */
function startText(global: NonNullable<Report['global']>): string {
  const head = global.startHead;
  if (head) {
    const { builtIn, learned } = head.validationNdcg;
    const ndcg = `validation NDCG@10 ${f(learned, 4)} against ${f(builtIn, 4)} on ${head.users} users`;
    return head.learned
      ? `, the head's starting point learned from the log (${ndcg})`
      : `, the built-in starting point (the head learned from the log ranked worse: ${ndcg})`;
  }
  return global.startWeight === undefined
    ? ''
    : `, the head's starting weight on it ${global.startWeight}`;
}

/** How the report's global model weighs recent likes, for the results line. */
function recencyText(recency: { tau: number; weight: number } | undefined): string {
  if (!recency) return '';
  return recency.weight === 0
    ? ', no recency weighting'
    : `, recent likes weighed up (tau ${recency.tau} likes, weight ${recency.weight})`;
}

/** The reports `npm run eval -- --report` wrote. */
export const REPORTS_DIR = 'docs/evaluation';
/** The page whose marked sections are rendered from them (the README links it). */
export const DOC = 'docs/evaluation.md';
/** The marked sections of DOC: the summary at the top and the full tables under "Results". */
export const SECTIONS = ['eval-headline', 'results'] as const;

const f = (value: number, digits = 4) => value.toFixed(digits);

export function table(report: Report): string {
  const k = report.k;
  const lines = [
    `**${report.dataset}** — ${report.users} users evaluated (${report.skippedUsers} without a held-out positive), ${report.items} items; text encoder \`${report.encoder}\`` +
      (report.collaborative
        ? `, collaborative vectors ${report.collaborative.dims} dims (${f(report.collaborative.explained * 100, 0)} % of co-occurrence energy)`
        : '') +
      `; item-kNN with ${report.itemKnn.neighbours} neighbours` +
      (report.ease ? `, EASE with λ = ${report.ease.lambda}` : '') +
      ` (best tried on the test data)` +
      (report.global
        ? `; global model EASE top-k with λ = ${report.global.lambda}${recencyText(report.global.recency)}${startText(report.global)} (chosen on held-out training events), ${report.global.entries} entries, ${report.global.bytes} bytes (${report.global.bytesPer10kItems} per 10k items)`
        : '') +
      `; TF.js ${report.backend}; ${report.seconds} s.` +
      replayLine(report),
    '',
    `| model | NDCG@${k} | HR@${k} | MRR@${k} | coverage | diversity | on-device ÷ model (NDCG) | fine-tuned ÷ model |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const times = (ratio: number | undefined) => (ratio === undefined ? '—' : `${f(ratio, 2)}×`);
  for (const [name, m] of Object.entries(report.models)) {
    lines.push(
      `| ${name} | ${f(m.ndcg)} | ${f(m.hr)} | ${f(m.mrr)} | ${f(m.coverage, 3)} | ${f(m.diversity, 3)} | ${times(report.ratios[`on-device/${name}`])} | ${times(report.ratios[`fine-tuned/${name}`])} |`,
    );
  }
  return lines.join('\n');
}

/** The replay's users, runs and cost, and how it compares with full training on them. */
function replayLine(report: Report): string {
  const r = report.replay;
  if (!r) return ' No incremental replay in this run (`--replay-users 0`).';
  return (
    ` Incremental replay (\`${REPLAY}\`) on the first ${r.users} users: ${r.runs.full} full and ` +
    `${r.runs.incremental} incremental runs in ${r.seconds} s; NDCG@${report.k} ${f(r.ndcg)} ` +
    `against ${f(r.fullNdcg)} with full training on the same users (${f(r.ratio, 3)}×).`
  );
}

/** Replay ÷ full training on the replayed users, or a dash without a replay. */
function replayRatio(report: Report): string {
  return report.replay ? `${f(report.replay.ratio, 3)}× (${report.replay.users} users)` : '—';
}

/** NDCG@K of every model on every dataset, one row per dataset: the page's summary. */
export function headline(reports: readonly Report[]): string {
  const names = [
    'fine-tuned',
    REPLAY,
    'global-only',
    'on-device',
    'ease',
    'item-knn',
    'popularity',
    'content',
    'profile-fallback',
  ];
  const k = reports[0]?.k ?? 10;
  const lines = [
    `| NDCG@${k} | ${names.join(' | ')} | fine-tuned ÷ EASE | fine-tuned ÷ item-kNN | replay ÷ full training (same users) |`,
    `|---|${names.map(() => '---:').join('|')}|---:|---:|---:|`,
  ];
  for (const r of reports) {
    const cells = names.map((name) => (r.models[name] ? f(r.models[name].ndcg) : '—'));
    const vs = (name: string) => {
      const ratio = r.ratios[`fine-tuned/${name}`];
      return ratio === undefined ? '—' : `${f(ratio, 2)}×`;
    };
    lines.push(
      `| ${r.dataset} (${r.users} users) | ${cells.join(' | ')} | ${vs('ease')} | ${vs('item-knn')} | ${replayRatio(r)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a document; throws
 * when the markers are missing or out of order, naming them.
 */
export function fillMarkers(
  doc: string,
  name: string,
  body: string,
  path = 'the document',
): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} needs ${start} and ${end} markers`);
  return `${doc.slice(0, from)}${start}\n\n${body}\n\n${doc.slice(to)}`;
}

/** The document with every marked section rendered from the reports. */
export function renderDoc(doc: string, reports: readonly Report[], path = DOC): string {
  const sections: Record<(typeof SECTIONS)[number], string> = {
    'eval-headline': headline(reports),
    results: reports.map(table).join('\n\n'),
  };
  return SECTIONS.reduce((text, name) => fillMarkers(text, name, sections[name], path), doc);
}
