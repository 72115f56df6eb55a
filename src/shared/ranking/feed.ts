import type { CatalogueItem } from '../catalogue/schema';
import { aggregateSignals } from '../interactions/signals';
import { isEngagement, type Interaction } from '../interactions/types';
import type { ItemMatrix } from './matrix';
import type { PersonalScorer } from './personal';
import { rank, type Ranked, type RankOptions } from './rank';

/** What one recommendation request reads: the item space, the history and a scorer. */
export interface FeedInput {
  items: readonly CatalogueItem[];
  matrix: ItemMatrix;
  prior: Float32Array;
  indexOf: ReadonlyMap<string, number>;
  history: readonly Interaction[];
  scorer: PersonalScorer;
  now: number;
}

/**
 * One recommendation request, as the worker answers it and the offline evaluation replays it:
 * signals from the history, the personal score, then ranking. The exploration draw is seeded by
 * the amount of engagement, so a list is stable until the visitor does something.
 */
export async function recommendFeed(
  input: FeedInput,
  options: Omit<RankOptions, 'seed'>,
): Promise<Ranked[]> {
  const { items, matrix, prior, indexOf, history, now } = input;
  const signals = aggregateSignals(history, indexOf, now);
  const personal = await input.scorer.score({ history, signals, matrix, indexOf, now });
  const seed = history.filter(isEngagement).length;
  return rank({ items, matrix, prior, signals, personal }, { ...options, seed });
}
