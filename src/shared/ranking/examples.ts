import { exampleGlobal } from '../global/feature';
import { eventWeight } from '../interactions/signals';
import { INTERACTION_TYPES, type Interaction } from '../interactions/types';
import { PROJECTION_DIMS, type HeadSpace } from './head-space';
import { addRow, rowDot, rowsDot, similarities } from './matrix';

/** History events the scoring head attends over for one prediction. */
export const WINDOW = 50;
const DAY_MS = 86_400_000;
const IMPRESSION = INTERACTION_TYPES.indexOf('impression');

/** One interaction as the head sees it: item row, type id, time, and signed strength. */
export interface HeadEvent {
  item: number;
  type: number;
  ts: number;
  /** eventWeight: > 0 says "more like this", < 0 "less like this". */
  weight: number;
}

/** One training example: predict `label` for item `cand` from the events before `at`. */
export interface Example {
  at: number;
  cand: number;
  label: 0 | 1;
  weight: number;
}

/**
 * Flat arrays of a batch, ready to become tensors (row-major, B × WINDOW for the window). Every
 * feature that does not depend on the head's parameters is computed here, once, in plain
 * arrays: the training graph then needs no gather over item vectors.
 */
export interface Batch {
  size: number;
  histItem: Int32Array;
  histType: Int32Array;
  histAge: Float32Array;
  histSign: Float32Array;
  /** Cosine of the candidate with each window item (0 in empty slots). */
  histSim: Float32Array;
  /** 1 where the window item shares the candidate's top category. */
  histSame: Float32Array;
  /** Projected vectors of the window items: B × WINDOW × PROJECTION_DIMS. */
  histProj: Float32Array;
  /** Projected vector of each candidate: B × PROJECTION_DIMS. */
  candProj: Float32Array;
  candPrior: Float32Array;
  /** Cosine of the candidate with the visitor's long-term profile (all likes before it). */
  candLong: Float32Array;
  /** The candidate's global score from the items liked before (global/feature.ts); 0 without a model. */
  candGlobal: Float32Array;
  cand: Int32Array;
  label: Float32Array;
  weight: Float32Array;
}

/** The history in time order, on catalogue rows; events on unknown items are dropped. */
export function headEvents(
  history: readonly Interaction[],
  indexOf: ReadonlyMap<string, number>,
): HeadEvent[] {
  const events: HeadEvent[] = [];
  for (const event of history) {
    const item = indexOf.get(event.itemId);
    const weight = eventWeight(event);
    if (item === undefined || weight === 0) continue;
    events.push({ item, type: INTERACTION_TYPES.indexOf(event.type), ts: event.ts, weight });
  }
  return events.sort((a, b) => a.ts - b.ts);
}

/**
 * Sequential examples: each event is predicted from the events before it. A positive event on
 * an item not engaged with before is a positive, with `negatives` sampled catalogue items as
 * negatives; a negative event (dislike, skipped impression, low rating) is a negative.
 */
export function buildExamples(
  events: readonly HeadEvent[],
  sampleNegative: () => number,
  negatives = 4,
): Example[] {
  const examples: Example[] = [];
  const engaged = new Set<number>();
  events.forEach((event, at) => {
    if (event.weight < 0) {
      examples.push({ at, cand: event.item, label: 0, weight: Math.min(4, -event.weight) });
      return;
    }
    if (engaged.has(event.item)) return;
    engaged.add(event.item);
    examples.push({ at, cand: event.item, label: 1, weight: Math.min(4, event.weight) });
    for (let k = 0; k < negatives; k++) {
      const cand = sampleNegative();
      if (cand !== event.item) examples.push({ at, cand, label: 0, weight: 1 });
    }
  });
  return examples;
}

/** Negatives drawn uniformly from the catalogue's rows. */
export function uniformSampler(rows: number, random: () => number): () => number {
  return () => Math.floor(random() * rows);
}

/**
 * Negatives drawn half uniformly and half from the items most similar to what the visitor
 * liked (the `pool` best by cosine to their liked items, not engaged with). Uniform negatives
 * alone are mostly unrelated, obscure items: the head then learns "similar and in my category",
 * which every candidate at the top of a ranking already is. Near misses teach it what this
 * visitor picks among similar items, which is what a ranking has to decide.
 */
export function mixedSampler(
  space: HeadSpace,
  events: readonly HeadEvent[],
  random: () => number,
  pool = 200,
): () => number {
  const near = similarItems(space, events, pool);
  return () => {
    if (near.length === 0 || random() < 0.5) return Math.floor(random() * space.rows);
    return near[Math.floor(random() * near.length)] ?? 0;
  };
}

/** The `count` items closest to the sum of the liked items' vectors, excluding engaged ones. */
function similarItems(space: HeadSpace, events: readonly HeadEvent[], count: number): number[] {
  const { dims, matrix, rows } = space;
  const profile = new Float32Array(dims);
  const engaged = new Set<number>();
  for (const event of events) {
    if (event.type === IMPRESSION) continue;
    engaged.add(event.item);
    if (event.weight <= 0 || event.item >= rows) continue;
    addRow(profile, matrix, event.item, 1);
  }
  const scores = similarities(matrix, profile);
  const scored: { item: number; score: number }[] = [];
  for (let r = 0; r < rows; r++) {
    if (engaged.has(r)) continue;
    const score = scores[r] ?? 0;
    if (score > 0) scored.push({ item: r, score });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, count).map((s) => s.item);
}

/**
 * Fills a batch: for each example, the up to WINDOW engagement events before it (impressions
 * are examples to learn from, not context: ten per page view would crowd the likes out), with
 * their age in days at the example's time and their fixed features against the candidate;
 * empty slots point at the padding row with sign 0.
 */
export function toBatch(
  events: readonly HeadEvent[],
  examples: readonly Example[],
  space: HeadSpace,
  now?: number,
  /** False where the caller scores candidates against the long-term profile itself. */
  longTerm = true,
): Batch {
  const batch = emptyBatch(examples.length, space.rows);
  const engaged: number[] = [];
  const engagedBefore = new Int32Array(events.length + 1);
  events.forEach((event, i) => {
    engagedBefore[i] = engaged.length;
    if (event.type !== IMPRESSION) engaged.push(i);
  });
  engagedBefore[events.length] = engaged.length;
  examples.forEach((example, b) => {
    const time = now ?? events[example.at]?.ts ?? 0;
    const end = engagedBefore[Math.min(example.at, events.length)] ?? 0;
    const window = engaged.slice(Math.max(0, end - WINDOW), end);
    window.forEach((eventIndex, slot) => {
      const event = events[eventIndex];
      if (!event) return;
      const at = b * WINDOW + slot;
      batch.histItem[at] = event.item;
      batch.histType[at] = event.type;
      batch.histAge[at] = Math.max(0, time - event.ts) / DAY_MS;
      batch.histSign[at] = Math.sign(event.weight);
    });
    batch.cand[b] = example.cand;
    batch.label[b] = example.label;
    batch.weight[b] = example.weight;
  });
  fillItemFeatures(batch, space);
  if (longTerm) fillLongTerm(batch, events, examples, space);
  if (longTerm && space.global) {
    const at = examples.map((example) => example.at);
    batch.candGlobal.set(exampleGlobal(events, at, batch.cand, space.global));
  }
  return batch;
}

/**
 * The long-term profile: the sum of the vectors of every item liked before event `end` (no
 * window, no decay), as a unit vector. It complements the attention window, which sees only
 * the last WINDOW events.
 */
export function longTermProfile(
  events: readonly HeadEvent[],
  space: HeadSpace,
  end = events.length,
): Float32Array {
  const profile = new Float32Array(space.dims);
  for (let i = 0; i < Math.min(end, events.length); i++) addLiked(profile, events[i], space);
  return unit(profile);
}

function addLiked(profile: Float32Array, event: HeadEvent | undefined, space: HeadSpace): void {
  if (!event || event.weight <= 0 || event.type === IMPRESSION) return;
  if (event.item < space.rows) addRow(profile, space.matrix, event.item, 1);
}

function unit(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  const out = new Float32Array(v.length);
  if (norm > 0) for (let i = 0; i < v.length; i++) out[i] = (v[i] ?? 0) / Math.sqrt(norm);
  return out;
}

/** candLong for every example: one pass over the events in time order. */
function fillLongTerm(
  batch: Batch,
  events: readonly HeadEvent[],
  examples: readonly Example[],
  space: HeadSpace,
): void {
  const order = examples.map((e, b) => ({ at: e.at, b })).sort((x, y) => x.at - y.at);
  const running = new Float32Array(space.dims);
  let added = 0;
  let profile: Float32Array = new Float32Array(space.dims);
  let stale = false;
  for (const { at, b } of order) {
    while (added < Math.min(at, events.length)) {
      addLiked(running, events[added], space);
      added += 1;
      stale = true;
    }
    if (stale) {
      profile = unit(running);
      stale = false;
    }
    const cand = batch.cand[b] ?? space.rows;
    batch.candLong[b] = cand < space.rows ? rowDot(space.matrix, cand, profile) : 0;
  }
}

function emptyBatch(size: number, padRow: number): Batch {
  return {
    size,
    histItem: new Int32Array(size * WINDOW).fill(padRow),
    histType: new Int32Array(size * WINDOW),
    histAge: new Float32Array(size * WINDOW),
    histSign: new Float32Array(size * WINDOW),
    histSim: new Float32Array(size * WINDOW),
    histSame: new Float32Array(size * WINDOW),
    histProj: new Float32Array(size * WINDOW * PROJECTION_DIMS),
    candProj: new Float32Array(size * PROJECTION_DIMS),
    candPrior: new Float32Array(size),
    candLong: new Float32Array(size),
    candGlobal: new Float32Array(size),
    cand: new Int32Array(size).fill(padRow),
    label: new Float32Array(size),
    weight: new Float32Array(size),
  };
}

/** The candidate-versus-window features that the head's parameters do not change. */
function fillItemFeatures(batch: Batch, space: HeadSpace): void {
  const { rows, matrix, projected, category, prior } = space;
  const P = PROJECTION_DIMS;
  for (let b = 0; b < batch.size; b++) {
    const cand = batch.cand[b] ?? space.rows;
    batch.candPrior[b] = prior[cand] ?? 0;
    batch.candProj.set(projected.subarray(cand * P, (cand + 1) * P), b * P);
    for (let slot = 0; slot < WINDOW; slot++) {
      const at = b * WINDOW + slot;
      if (batch.histSign[at] === 0) continue;
      const item = batch.histItem[at] ?? space.rows;
      batch.histSim[at] = cand < rows && item < rows ? rowsDot(matrix, cand, item) : 0;
      batch.histSame[at] = category[item] === category[cand] ? 1 : 0;
      batch.histProj.set(projected.subarray(item * P, (item + 1) * P), at * P);
    }
  }
}

/** The rows of a batch at `indices`, as a new batch (how epochs reshuffle without refilling). */
export function selectRows(batch: Batch, indices: readonly number[]): Batch {
  const out = emptyBatch(indices.length, 0);
  const copy = (from: Float32Array | Int32Array, to: Float32Array | Int32Array, width: number) => {
    indices.forEach((i, j) => {
      to.set(from.subarray(i * width, (i + 1) * width), j * width);
    });
  };
  const P = PROJECTION_DIMS;
  copy(batch.histItem, out.histItem, WINDOW);
  copy(batch.histType, out.histType, WINDOW);
  copy(batch.histAge, out.histAge, WINDOW);
  copy(batch.histSign, out.histSign, WINDOW);
  copy(batch.histSim, out.histSim, WINDOW);
  copy(batch.histSame, out.histSame, WINDOW);
  copy(batch.histProj, out.histProj, WINDOW * P);
  copy(batch.candProj, out.candProj, P);
  copy(batch.candPrior, out.candPrior, 1);
  copy(batch.candLong, out.candLong, 1);
  copy(batch.candGlobal, out.candGlobal, 1);
  copy(batch.cand, out.cand, 1);
  copy(batch.label, out.label, 1);
  copy(batch.weight, out.weight, 1);
  return out;
}

/**
 * The current visitor's window for scoring: all events so far, ages measured at `now`. Its one
 * example stands for every candidate, so the long-term similarity is left to the scorer.
 */
export function scoringBatch(events: readonly HeadEvent[], space: HeadSpace, now: number): Batch {
  const query = { at: events.length, cand: space.rows, label: 0 as const, weight: 0 };
  return toBatch(events, [query], space, now, false);
}

/**
 * Splits examples into training and recent ones held out for early stopping. The newest event's
 * examples always train: the interaction that triggered a run must move the weights in that run,
 * not one run later; the events just before it are the held-out check.
 */
export function splitRecent(
  examples: readonly Example[],
  share = 0.2,
): { train: Example[]; valid: Example[] } {
  const positives = examples.filter((e) => e.label === 1).length;
  if (positives < 5) return { train: [...examples], valid: [] };
  const newest = examples.reduce((max, e) => Math.max(max, e.at), -Infinity);
  const older = examples.filter((e) => e.at < newest);
  const cutoff = older[Math.floor(older.length * (1 - share))]?.at ?? newest;
  const held = (e: Example) => e.at >= cutoff && e.at < newest;
  return { train: examples.filter((e) => !held(e)), valid: examples.filter(held) };
}

/** The events that make weights stale: engagement (impressions join training, not its trigger). */
export function engagementEvents(events: readonly HeadEvent[]): HeadEvent[] {
  return events.filter((event) => event.type !== IMPRESSION);
}

/**
 * Identifies a history's engagement: weights trained on it need no retraining while it matches.
 * Impressions recorded since do not count, or every visit would look like new data.
 */
export function historyFingerprint(events: readonly HeadEvent[]): string {
  const engaged = engagementEvents(events);
  let hash = 0x811c9dc5;
  for (const event of engaged) {
    for (const value of [event.item, event.type, event.ts]) {
      hash = Math.imul(hash ^ (value % 0x7fffffff), 0x01000193) >>> 0;
      hash = Math.imul(hash ^ Math.floor(value / 0x7fffffff), 0x01000193) >>> 0;
    }
  }
  return `${engaged.length}:${hash.toString(16)}`;
}
