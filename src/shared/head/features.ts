import { rowsDot } from '../ranking/matrix';
import { emptyBatch, WINDOW, type Batch } from './batch';
import { IMPRESSION, type HeadEvent } from './events';
import type { Example } from './examples';
import { exampleGlobal } from './global-feature';
import { fillLongTerm } from './profile';
import { PROJECTION_DIMS, type HeadSpace } from './space';

const DAY_MS = 86_400_000;

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

/**
 * The current visitor's window for scoring: all events so far, ages measured at `now`. Its one
 * example stands for every candidate, so the long-term similarity is left to the scorer.
 */
export function scoringBatch(events: readonly HeadEvent[], space: HeadSpace, now: number): Batch {
  const query = { at: events.length, cand: space.rows, label: 0 as const, weight: 0 };
  return toBatch(events, [query], space, now, false);
}
