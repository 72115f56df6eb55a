import type { CatalogueItem } from '../catalogue/schema';
import type { ItemSignal } from '../interactions/signals';
import { seededRandom } from '../random';
import { topCategoryAt, variedSource, type Reason } from './explain';
import { similarities, row, type ItemMatrix } from './matrix';
import { mmrSelect } from './mmr';
import { calibrate, interestShares } from './calibrate';
import { personalShare, type PersonalScores } from './personal';
import { borrowRows, returnRows } from './row-scratch';

/** Everything ranking reads: the catalogue, its vectors, the prior and the visitor's signals. */
export interface RankContext {
  items: readonly CatalogueItem[];
  matrix: ItemMatrix;
  prior: Float32Array;
  signals: readonly ItemSignal[];
  /**
   * The rows to rank (the first stage's candidates, ascending); every row when absent. The
   * personal scores are then the candidates' own, in this order.
   */
  candidates?: Int32Array;
  personal: PersonalScores | null;
}

export interface RankOptions {
  count: number;
  query?: { text: string; vector: Float32Array };
  contextIndex?: number;
  /** Seeds the exploration pick, so a list is stable until the history changes. */
  seed?: number;
  /**
   * Shares of the feed the visitor asked for in words (categories picked on a first visit),
   * given as floors like the interests' own while the history is little trusted (× 1 − α).
   */
  stated?: ReadonlyMap<string, number>;
}

export interface Ranked {
  index: number;
  score: number;
  reason: Reason;
  /**
   * Placed by the feed's own policy rather than by the scorer's order: an interest's floor
   * (calibrate.ts) or an exploration slot. The feed's A/B test shows these whichever strategy it
   * interleaves and credits them to neither (workers/engine/experiment.ts).
   */
  placed?: true;
}

/**
 * Trade-off of relevance against similarity to what is already picked (MMR λ). The feed hedges
 * with diversity while little is known (λ 0.7 for a new visitor) and trusts relevance more as
 * the personal share grows (λ 0.9 at full share): on MovieLens a fixed 0.7 cost 12 % of NDCG@10
 * for visitors with long histories (docs/evaluation.md).
 */
const LAMBDA = { coldFeed: 0.7, knownFeed: 0.9, focused: 0.85 } as const;
/** How many of the best candidates MMR considers, per item asked for. */
const POOL_PER_ITEM = 6;
const MIN_POOL = 60;
/** Share of a personalised feed given to items from categories the list does not show. */
export const EXPLORATION_SHARE = 0.1;
/**
 * Share of personalised lists that carry exploration (the draw is seeded by the history, so a
 * list is stable until the visitor acts). Exploring in every list cost 6 % of NDCG@10 on
 * MovieLens; in every other list, half that, and every visitor still meets new categories.
 */
export const EXPLORATION_RATE = 0.5;
/** Exploration starts once the personal score carries this much of the blend. */
const EXPLORE_FROM = 0.3;
/**
 * A feed longer than this is ranked a page at a time: each page gets each interest's share of
 * its places and its own exploration draw, as a list of this length does, so a long feed (the
 * app's home shows two pages) does not push a fresh interest below the first ten.
 */
export const FEED_PAGE = 10;
/** Spreads the pages' exploration draws (any odd constant would do). */
const PAGE_SEED = 7919;
/** A query result must reach this share of the best match's similarity. */
const QUERY_FLOOR = 0.3;
/** An item is explained by the history only if it is in the upper half of personal scores. */
const PERSONAL_REASON_FLOOR = 0.5;

/**
 * Ranks the catalogue: blends the personal score with the cold-start prior (the prior fades as
 * history grows), focuses on a query or a context item when given, filters what the visitor
 * should not be shown again, re-ranks for diversity (MMR), gives each of the visitor's
 * interests its share of the feed (calibrate.ts) and attaches a reason to each item. A feed (no
 * query, no context item) longer than FEED_PAGE is ranked page by page, each page from what the
 * pages before it left.
 */
export function rank(ctx: RankContext, options: RankOptions): Ranked[] {
  const rows = ctx.candidates ?? Int32Array.from(ctx.items, (_, i) => i);
  // Arrays over the whole catalogue, written at the rows ranked only (the rest stay 0, unread),
  // borrowed for this request (row-scratch.ts).
  const borrowed: Float32Array[] = [];
  const borrow = () => {
    const array = borrowRows(ctx.items.length);
    borrowed.push(array);
    return array;
  };
  try {
    const scored = scoreRows(ctx, options, rows, borrow);
    const paged = !options.query && options.contextIndex === undefined;
    if (!paged || options.count <= FEED_PAGE) return selectPage(ctx, options, scored);
    const out: Ranked[] = [];
    const shown = new Set<number>();
    for (let page = 0; out.length < options.count; page++) {
      const count = Math.min(FEED_PAGE, options.count - out.length);
      const seed = (options.seed ?? 0) + page * PAGE_SEED;
      const next = selectPage(ctx, { ...options, count, seed }, scored, shown);
      if (next.length === 0) break;
      for (const ranked of next) {
        out.push(ranked);
        shown.add(ranked.index);
      }
    }
    return out;
  } finally {
    for (const array of borrowed) returnRows(array, ctx.candidates);
  }
}

/** What every page of one list shares: the blend, the focus and the eligible rows, best first. */
interface Scored {
  alpha: number;
  personal: Float32Array | null;
  relevance: Float32Array;
  focus: Float32Array | null;
  candidates: number[];
}

function scoreRows(
  ctx: RankContext,
  options: RankOptions,
  rows: Int32Array,
  borrow: () => Float32Array,
): Scored {
  const alpha = ctx.personal?.grounded ? 1 : personalShare(ctx.personal?.strength ?? 0);
  const personal = ctx.personal ? spread(minMax(ctx.personal.scores), rows, borrow()) : null;
  const base = borrow();
  for (const i of rows) {
    base[i] = (1 - alpha) * (ctx.prior[i] ?? 0) + alpha * (personal?.[i] ?? 0);
  }
  const focus = focusScores(ctx, options, rows, borrow);
  const relevance = focus ? blend(focus, base, options.query ? 0.75 : 0.7, rows, borrow()) : base;
  const candidates = eligible(ctx, options, focus, rows).sort(
    (a, b) => (relevance[b] ?? 0) - (relevance[a] ?? 0),
  );
  return { alpha, personal, relevance, focus, candidates };
}

/** One list (or one page of a long feed) from the scored rows, leaving out what is `shown`. */
function selectPage(
  ctx: RankContext,
  options: RankOptions,
  scored: Scored,
  /** Rows an earlier page of the same feed already shows. */
  shown: ReadonlySet<number> = new Set(),
): Ranked[] {
  const { alpha, personal, relevance, focus } = scored;
  const candidates =
    shown.size > 0 ? scored.candidates.filter((i) => !shown.has(i)) : scored.candidates;
  const pool = candidates.slice(0, Math.max(MIN_POOL, options.count * POOL_PER_ITEM));
  const lambda = focus
    ? LAMBDA.focused
    : LAMBDA.coldFeed + (LAMBDA.knownFeed - LAMBDA.coldFeed) * alpha;
  const explore = explorationSlots(options, alpha, focus !== null);
  const diverse = mmrSelect(pool, relevance, ctx.matrix, options.count - explore, lambda);
  // The feed gives each interest its share of places, as far as the history is trusted (α).
  const shares = focus ? null : trusted(ctx, alpha, options.stated);
  const picked =
    shares && shares.size > 0
      ? calibrate(diverse, candidates, relevance, ctx.items, shares)
      : diverse;
  const used = new Map<number, number>();
  const byOrder = new Set(diverse);
  const ranked = picked.map((index) => ({
    index,
    score: relevance[index] ?? 0,
    reason: reasonFor(index, ctx, options, alpha, personal, used),
    ...(byOrder.has(index) ? {} : { placed: true as const }),
  }));
  // New to the whole feed: a later page's exploration skips what earlier pages show too.
  const listed = shown.size > 0 ? [...shown, ...picked] : picked;
  const explored = exploration(ctx, candidates, relevance, listed, explore, options.seed ?? 0);
  const out = [...ranked, ...explored];
  // An exploration slot with no unshown category left (every category is in the list already)
  // goes to the next most relevant item: a list is never shorter while eligible items remain.
  if (out.length < options.count) {
    const taken = new Set(out.map((r) => r.index));
    for (const index of candidates) {
      if (out.length >= options.count) break;
      if (taken.has(index)) continue;
      out.push({
        index,
        score: relevance[index] ?? 0,
        reason: reasonFor(index, ctx, options, alpha, personal, used),
      });
    }
  }
  return out;
}

/**
 * The visitor's interest shares, scaled by how much the blend trusts the history (α), and the
 * stated ones by how little it does (1 − α): the larger of the two per category.
 */
function trusted(
  ctx: RankContext,
  alpha: number,
  stated: ReadonlyMap<string, number> = new Map(),
): Map<string, number> {
  const shares = alpha > 0 ? interestShares(ctx.signals, ctx.items) : new Map<string, number>();
  for (const [category, share] of shares) shares.set(category, share * alpha);
  for (const [category, share] of stated) {
    shares.set(category, Math.max(shares.get(category) ?? 0, share * (1 - alpha)));
  }
  return shares;
}

/** How many slots of this list go to exploration (none for search, context or new visitors). */
function explorationSlots(options: RankOptions, alpha: number, focused: boolean): number {
  if (focused || alpha < EXPLORE_FROM) return 0;
  // A draw of its own (a different stream from the category draw below).
  if (seededRandom((options.seed ?? 0) ^ 0x9e3779b9)() >= EXPLORATION_RATE) return 0;
  return Math.floor(options.count * EXPLORATION_SHARE);
}

/**
 * Against filter bubbles: `count` items from categories the feed does not show yet, one per
 * category, the category drawn at random (seeded: stable until the history changes) and, within
 * it, the item most relevant to this visitor (a category new to the list, its best guess).
 */
function exploration(
  ctx: RankContext,
  candidates: readonly number[],
  relevance: Float32Array,
  picked: readonly number[],
  count: number,
  seed: number,
): Ranked[] {
  if (count <= 0) return [];
  const shown = new Set(picked.map((i) => topCategoryAt(ctx.items, i)));
  const best = new Map<string, number>();
  for (const index of candidates) {
    const category = topCategoryAt(ctx.items, index);
    if (category === null || shown.has(category)) continue;
    const current = best.get(category);
    if (current === undefined || (relevance[index] ?? 0) > (relevance[current] ?? 0))
      best.set(category, index);
  }
  const options = [...best.values()].sort((a, b) => a - b);
  const random = seededRandom(seed);
  const out: Ranked[] = [];
  while (out.length < count && options.length > 0) {
    const [index] = options.splice(Math.floor(random() * options.length), 1);
    if (index === undefined) break;
    out.push({
      index,
      score: 0,
      reason: { kind: 'explore', category: topCategoryAt(ctx.items, index) },
      placed: true,
    });
  }
  return out;
}

/**
 * Similarity of the ranked rows to the query or context item, scaled to [0, 1] (by the best of
 * them: the first stage kept the best matches); null for the plain feed.
 */
function focusScores(
  ctx: RankContext,
  options: RankOptions,
  rows: Int32Array,
  borrow: () => Float32Array,
): Float32Array | null {
  let raw: Float32Array | null = null;
  if (options.query) raw = similarities(ctx.matrix, options.query.vector, rows);
  else if (options.contextIndex !== undefined) {
    raw = similarities(ctx.matrix, row(ctx.matrix, options.contextIndex), rows);
  }
  if (!raw) return null;
  let max = 0;
  for (const value of raw) max = Math.max(max, value);
  const out = borrow();
  if (max <= 0) return out;
  rows.forEach((index, k) => {
    const scaled = (raw[k] ?? 0) / max;
    out[index] = options.query && scaled < QUERY_FLOOR ? 0 : Math.max(0, scaled);
  });
  return out;
}

/** Values given for some rows, placed at those rows of a catalogue-sized array `out`. */
function spread(values: Float32Array, rows: Int32Array, out: Float32Array): Float32Array {
  rows.forEach((index, k) => {
    out[index] = values[k] ?? 0;
  });
  return out;
}

/**
 * Items that may be shown: available, not bought, not disliked, and in the feed not engaged
 * with in any way, whatever the folded weight (a neutral rating folds to 0, yet the visitor has
 * met the item); a search still finds them. With a focus, only items that match it. A skipped
 * impression lowers an item's score but never hides it.
 */
function eligible(
  ctx: RankContext,
  options: RankOptions,
  focus: Float32Array | null,
  rows: Int32Array,
): number[] {
  const hidden = new Set<number>();
  for (const signal of ctx.signals) {
    if (signal.purchased || signal.disliked || (!options.query && signal.engaged)) {
      hidden.add(signal.index);
    }
  }
  if (options.contextIndex !== undefined) hidden.add(options.contextIndex);
  const out: number[] = [];
  for (const index of rows) {
    if (ctx.items[index]?.available === false || hidden.has(index)) continue;
    if (focus && (focus[index] ?? 0) <= 0) continue;
    out.push(index);
  }
  return out;
}

function reasonFor(
  index: number,
  ctx: RankContext,
  options: RankOptions,
  alpha: number,
  personal: Float32Array | null,
  /** How often each history item was named as a reason in this list so far. */
  used: Map<number, number>,
): Reason {
  // Ranked by meaning alone: no word of the query is claimed to match.
  if (options.query) return { kind: 'query', query: options.query.text, words: [], movedUp: false };
  if (options.contextIndex !== undefined) {
    return { kind: 'similar', sourceIndex: options.contextIndex };
  }
  const personalScore = personal?.[index] ?? 0;
  const personalPart = alpha * personalScore;
  const priorPart = (1 - alpha) * (ctx.prior[index] ?? 0);
  const explained = personalScore >= PERSONAL_REASON_FLOOR && personalPart >= priorPart;
  const category = (i: number) => topCategoryAt(ctx.items, i);
  const source = explained
    ? variedSource(index, ctx.signals, ctx.matrix, used, (a, b) => category(a) === category(b))
    : null;
  if (source) return { kind: 'personal', sourceIndex: source.index, signal: source.strongest };
  return { kind: 'popular', category: topCategoryAt(ctx.items, index) };
}

/** The blend of the two at the given rows, written into `out`. */
function blend(
  focus: Float32Array,
  base: Float32Array,
  focusShare: number,
  rows: Int32Array,
  out: Float32Array,
): Float32Array {
  for (const i of rows) out[i] = focusShare * (focus[i] ?? 0) + (1 - focusShare) * (base[i] ?? 0);
  return out;
}

/** Rescales scores to [0, 1] so that scores of different scales can be blended. */
export function minMax(scores: Float32Array): Float32Array {
  let min = Infinity;
  let max = -Infinity;
  for (const value of scores) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const out = new Float32Array(scores.length);
  const span = max - min;
  if (!(span > 0)) return out;
  for (let i = 0; i < out.length; i++) out[i] = ((scores[i] ?? 0) - min) / span;
  return out;
}
