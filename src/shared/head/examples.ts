import type { HeadEvent } from './events';

/** One training example: predict `label` for item `cand` from the events before `at`. */
export interface Example {
  at: number;
  cand: number;
  label: 0 | 1;
  weight: number;
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
