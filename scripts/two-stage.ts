/**
 * Two-stage ranking against ranking the whole catalogue, on a real dataset: for each user (the
 * evaluation's protocol: last 20 % held out) the head is trained once, then the feed is ranked
 * with the first stage (retrieve.ts) and without it. Prints recall@K of the two-stage list
 * against the full list, and NDCG@K of both, as JSON (last line; `--report` writes it too).
 *
 *   npm run eval:two-stage -- --catalogue data/movielens/catalogue.json \
 *                             --interactions data/movielens/interactions.jsonl [--max-users 300]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { listMetrics } from '../src/shared/eval/metrics';
import { errorMessage } from '../src/shared/errors';
import { recommendFeed } from '../src/shared/ranking/feed';
import { CANDIDATES } from '../src/shared/ranking/retrieve';
import { TrainedHeadScorer, trainOnHistory } from '../workers/engine/head/head-personal';
import { initialParams, ScoringHead } from '../workers/engine/head/scoring-head';
import { FULL_TRAINING } from '../workers/engine/head/trainer';
import { parseArgs } from './lib/args';
import { loadReplay, userCase } from './lib/replay';

const K = 10;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), [
    'catalogue',
    'interactions',
    'max-users',
    'report',
  ]);
  const cataloguePath = args.options.get('catalogue');
  const logPath = args.options.get('interactions');
  if (!cataloguePath || !logPath)
    throw new Error('Usage: see the comment at the top of this file.');
  const maxUsers = Number(args.options.get('max-users') ?? 300);
  const { catalogueId, splits, space, indexOf, tensors } = await loadReplay(cataloguePath, logPath);
  let users = 0;
  let overlap = 0;
  const ndcg = { full: 0, twoStage: 0 };
  for (const split of splits) {
    if (users >= maxUsers) break;
    const user = userCase(split, indexOf);
    if (!user) continue;
    const { history, relevant, now } = user;
    const head = new ScoringHead(initialParams(space.matrix.dims));
    await trainOnHistory(head, tensors, history, indexOf, FULL_TRAINING);
    const input = {
      items: space.items,
      matrix: space.matrix,
      prior: space.prior,
      indexOf,
      history,
      scorer: new TrainedHeadScorer(head, tensors),
      now,
    };
    const list = async (candidates: number | 'all') =>
      (await recommendFeed({ ...input, candidates }, { count: K })).map((r) => r.index);
    const full = await list('all');
    const twoStage = await list(CANDIDATES);
    head.dispose();
    users += 1;
    const fullSet = new Set(full);
    overlap += twoStage.filter((i) => fullSet.has(i)).length / Math.max(1, full.length);
    ndcg.full += listMetrics(full, relevant, K).ndcg;
    ndcg.twoStage += listMetrics(twoStage, relevant, K).ndcg;
    if (users % 25 === 0) console.error(`users ${users}`);
  }
  tensors.dispose();
  const report = {
    dataset: catalogueId,
    items: space.items.length,
    candidates: CANDIDATES,
    users,
    [`recall@${K} of the two-stage list against the full ranking`]: round(overlap / users),
    [`ndcg@${K}`]: { full: round(ndcg.full / users), twoStage: round(ndcg.twoStage / users) },
    protocol:
      "Per user, the last 20% of interactions held out; the head trained once on the rest (full training); the feed ranked with and without the first stage. Lexical encoder, collaborative vectors from all users' training events.",
  };
  const reportPath = args.options.get('report');
  if (reportPath) {
    await mkdir(dirname(reportPath), { recursive: true });
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(JSON.stringify(report));
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
