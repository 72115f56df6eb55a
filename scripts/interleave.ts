/**
 * Does the feed's private A/B test pick the better strategy? On a real dataset, for each user
 * with enough interactions (the evaluation's protocol: last 20 % held out), the head is trained
 * once, and the feed is ranked by the two strategies the device interleaves: the learned head
 * (a) and the profile scorer (b), each as the app's home feed ranks it (HOME_FEED_COUNT items).
 * The NDCG@10 of each ranking's first ten against the held-out items says which is better for
 * that user. The device's own team-draft interleaving and sign test (src/shared/ab) then run on
 * simulated visits: each visit shows a fresh interleaving of the home feed's length (`--feed`
 * another; 10 shows about five of each ranking), and the user clicks held-out items
 * in it, more often near the top (probability 1 / log2(position + 2), the discount of NDCG). The
 * report gives how often the test's verdict agrees with the NDCG ordering, as JSON (last line;
 * `--report` writes it too).
 *
 *   npm run eval:interleave -- --catalogue data/movielens/catalogue.json \
 *       --interactions data/movielens/interactions.jsonl [--max-users 300] [--visits 30] [--feed 20]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { credit, emptyTally, verdict, type Tally } from '../src/shared/ab/tally';
import { interleaveFeed, type Team } from '../src/shared/ab/team-draft';
import { listMetrics } from '../src/shared/eval/metrics';
import { errorMessage } from '../src/shared/errors';
import { seededRandom } from '../src/shared/random';
import { recommendFeed } from '../src/shared/ranking/feed';
import { HOME_FEED_COUNT } from '../src/shared/ranking/home-feed';
import { FEED_PAGE } from '../src/shared/ranking/rank';
import { ProfileScorer, type PersonalScorer } from '../src/shared/ranking/personal';
import { TrainedHeadScorer, trainOnHistory } from '../workers/engine/head/head-personal';
import { initialParams, ScoringHead } from '../workers/engine/head/scoring-head';
import { FULL_TRAINING } from '../workers/engine/head/trainer';
import { parseArgs } from './lib/args';
import { loadReplay, userCase } from './lib/replay';

const K = 10;

/** One user's outcome: which strategy NDCG prefers, and what the interleaving test said. */
interface UserOutcome {
  better: Team | null;
  tally: Tally;
}

/**
 * Simulated visits: a fresh interleaving each time (as the device's feed interleaves: what the
 * feed placed itself keeps its place and is credited to neither), clicks on held-out items,
 * position-biased.
 */
export function simulate(
  a: readonly { index: number; placed?: true }[],
  b: readonly { index: number; placed?: true }[],
  relevant: ReadonlySet<number>,
  visits: number,
  seed: number,
  shown = K,
): Tally {
  let tally = emptyTally(0);
  const random = seededRandom(seed);
  for (let visit = 0; visit < visits; visit++) {
    const { items, teams } = interleaveFeed(a, b, shown, random);
    items.forEach((item, position) => {
      const team = teams[position];
      if (!team || !relevant.has(item.index)) return;
      if (random() < 1 / Math.log2(position + 2)) tally = credit(tally, team);
    });
  }
  return tally;
}

/** Agreement of the interleaving verdict with the NDCG ordering, over users where NDCG differs. */
export function summarize(outcomes: readonly UserOutcome[]) {
  const ordered = outcomes.filter((o) => o.better !== null);
  const leader = (t: Tally): Team | null => (t.a > t.b ? 'a' : t.b > t.a ? 'b' : null);
  const agree = ordered.filter((o) => leader(o.tally) === o.better).length;
  const led = ordered.filter((o) => leader(o.tally) !== null).length;
  const settled = ordered.filter((o) => verdict(o.tally).winner !== null);
  const settledAgree = settled.filter((o) => verdict(o.tally).winner === o.better).length;
  return {
    usersWithAnOrdering: ordered.length,
    agreement: ratio(agree, ordered.length),
    withAVerdict: ratio(led, ordered.length),
    agreementWithAVerdict: ratio(agree, led),
    settled: ratio(settled.length, ordered.length),
    agreementWhenSettled: ratio(settledAgree, settled.length),
    noCredits: ratio(ordered.filter((o) => o.tally.a + o.tally.b === 0).length, ordered.length),
  };
}

const ratio = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), [
    'catalogue',
    'interactions',
    'max-users',
    'min-interactions',
    'visits',
    'feed',
    'report',
  ]);
  const cataloguePath = args.options.get('catalogue');
  const logPath = args.options.get('interactions');
  if (!cataloguePath || !logPath)
    throw new Error('Usage: see the comment at the top of this file.');
  const maxUsers = Number(args.options.get('max-users') ?? 300);
  const minInteractions = Number(args.options.get('min-interactions') ?? 20);
  const visits = Number(args.options.get('visits') ?? 30);
  const feed = Number(args.options.get('feed') ?? HOME_FEED_COUNT);
  for (const [name, value] of [
    ['max-users', maxUsers],
    ['feed', feed],
    ['min-interactions', minInteractions],
    ['visits', visits],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number.`);
  }
  const { catalogueId, splits, space, indexOf, tensors } = await loadReplay(cataloguePath, logPath);
  const profile = new ProfileScorer();
  const outcomes: UserOutcome[] = [];
  const ndcg = { a: 0, b: 0 };
  for (const split of splits) {
    if (outcomes.length >= maxUsers) break;
    if (split.train.length + split.test.length < minInteractions) continue;
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
      now,
    };
    const list = async (scorer: PersonalScorer) =>
      recommendFeed({ ...input, scorer }, { count: feed });
    const a = await list(new TrainedHeadScorer(head, tensors));
    const b = await list(profile);
    head.dispose();
    const ndcgOf = (list: readonly { index: number }[]) =>
      listMetrics(
        list.slice(0, K).map((r) => r.index),
        relevant,
        K,
      ).ndcg;
    const score = { a: ndcgOf(a), b: ndcgOf(b) };
    ndcg.a += score.a;
    ndcg.b += score.b;
    const better = Math.abs(score.a - score.b) < 1e-9 ? null : score.a > score.b ? 'a' : 'b';
    outcomes.push({ better, tally: simulate(a, b, relevant, visits, outcomes.length + 1, feed) });
    if (outcomes.length % 25 === 0) console.error(`users ${outcomes.length}`);
  }
  tensors.dispose();
  const users = outcomes.length;
  const report = {
    dataset: catalogueId,
    items: space.items.length,
    users,
    visitsPerUser: visits,
    feedLength: feed,
    [`ndcg@${K}`]: {
      learnedHead: ratio(ndcg.a, users),
      profileScorer: ratio(ndcg.b, users),
    },
    usersWhereTheHeadIsBetter: outcomes.filter((o) => o.better === 'a').length,
    usersWhereTheProfileIsBetter: outcomes.filter((o) => o.better === 'b').length,
    ...summarize(outcomes),
    protocol: `Users with at least ${minInteractions} interactions; per user the last 20% held out and the head trained once on the rest (full training). Strategy a: the learned head; b: the profile scorer; both through the feed's ranking (${feed} items, the NDCG@${K} of the first ${K}). Per simulated visit a fresh team-draft interleaving of ${feed} items, drawn a page of ${FEED_PAGE} at a time as the device draws it, is shown and each held-out item in it is clicked with probability 1/log2(position+2). agreement: share of users whose NDCG@${K} differs between the strategies for which the strategy with more credits is the one with the higher NDCG (a tie counts as disagreement); withAVerdict: share of those users whose credits are not tied, and agreementWithAVerdict the agreement among them; settled: share where the sign test reached p < 0.05, and agreementWhenSettled the agreement among those. Lexical encoder, collaborative vectors from all users' training events.`,
  };
  const reportPath = args.options.get('report');
  if (reportPath) {
    await mkdir(dirname(reportPath), { recursive: true });
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(JSON.stringify(report));
}

if (process.argv[1]?.endsWith('interleave.ts')) {
  main().catch((error: unknown) => {
    console.error(errorMessage(error));
    process.exit(1);
  });
}
