import { eventWeight } from '../interactions/signals';
import { INTERACTION_TYPES, type Interaction } from '../interactions/types';

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

/** Flat arrays of a batch, ready to become tensors (row-major, B × WINDOW for history). */
export interface Batch {
  size: number;
  histItem: Int32Array;
  histType: Int32Array;
  histAge: Float32Array;
  histSign: Float32Array;
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
 * an item not engaged with before is a positive, with `negatives` random catalogue items as
 * negatives; a negative event (dislike, skipped impression, low rating) is a negative.
 */
export function buildExamples(
  events: readonly HeadEvent[],
  rows: number,
  random: () => number,
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
    for (let k = 0; k < negatives && rows > 1; k++) {
      const cand = Math.floor(random() * rows);
      if (cand !== event.item) examples.push({ at, cand, label: 0, weight: 1 });
    }
  });
  return examples;
}

/**
 * Fills a batch: for each example, the up to WINDOW engagement events before it (impressions
 * are examples to learn from, not context: ten per page view would crowd the likes out), with
 * their age in days at the example's time; empty slots point at `padRow` with sign 0.
 */
export function toBatch(
  events: readonly HeadEvent[],
  examples: readonly Example[],
  padRow: number,
  now?: number,
): Batch {
  const size = examples.length;
  const batch: Batch = {
    size,
    histItem: new Int32Array(size * WINDOW).fill(padRow),
    histType: new Int32Array(size * WINDOW),
    histAge: new Float32Array(size * WINDOW),
    histSign: new Float32Array(size * WINDOW),
    cand: new Int32Array(size),
    label: new Float32Array(size),
    weight: new Float32Array(size),
  };
  // engagedBefore[i]: how many engagement events precede event i.
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
  return batch;
}

/** The current visitor's window for scoring: all events so far, ages measured at `now`. */
export function scoringBatch(events: readonly HeadEvent[], padRow: number, now: number): Batch {
  return toBatch(events, [{ at: events.length, cand: padRow, label: 0, weight: 0 }], padRow, now);
}

/** Splits examples into training and the most recent ones held out for early stopping. */
export function splitRecent(
  examples: readonly Example[],
  share = 0.2,
): { train: Example[]; valid: Example[] } {
  const positives = examples.filter((e) => e.label === 1).length;
  if (positives < 5) return { train: [...examples], valid: [] };
  const cutoff = examples[Math.floor(examples.length * (1 - share))]?.at ?? Infinity;
  return {
    train: examples.filter((e) => e.at < cutoff),
    valid: examples.filter((e) => e.at >= cutoff),
  };
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
