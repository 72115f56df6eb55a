import type { CatalogueItem } from '../catalogue/schema';
import { globalScores, type SparseRows } from '../global/sparse-rows';
import { aggregateSignals } from '../interactions/signals';
import { isEngagement, type Interaction } from '../interactions/types';
import type { ItemMatrix } from './matrix';
import type { PersonalScorer } from './personal';
import { rank, type Ranked, type RankOptions } from './rank';
import { row } from './matrix';
import { CANDIDATES, retrieve } from './retrieve';

/** What one recommendation request reads: the item space, the history and a scorer. */
export interface FeedInput {
  items: readonly CatalogueItem[];
  matrix: ItemMatrix;
  prior: Float32Array;
  indexOf: ReadonlyMap<string, number>;
  history: readonly Interaction[];
  scorer: PersonalScorer;
  now: number;
  /**
   * How many candidates the first stage keeps (retrieve.ts); `'all'` ranks the whole catalogue
   * (the reference the two-stage list is measured against).
   */
  candidates?: number | 'all';
  /** The shop's global item–item model, when one is in use (its best items are candidates). */
  global?: SparseRows | null;
}

/**
 * One recommendation request, as the worker answers it and the offline evaluation replays it:
 * signals from the history, a first stage that picks candidates with one scan of the item
 * matrix, the personal score of the candidates, then ranking them. The exploration draw is
 * seeded by the amount of engagement, so a list is stable until the visitor does something.
 */
export async function recommendFeed(
  input: FeedInput,
  options: Omit<RankOptions, 'seed'>,
): Promise<Ranked[]> {
  const { items, matrix, prior, indexOf, history, now } = input;
  const signals = aggregateSignals(history, indexOf, now);
  const focus =
    options.query?.vector ??
    (options.contextIndex === undefined ? undefined : row(matrix, options.contextIndex));
  const global =
    input.global && input.candidates !== 'all'
      ? globalScores(
          input.global,
          signals.filter((s) => s.weight > 0).map((s) => s.index),
        )
      : null;
  const candidates =
    input.candidates === 'all'
      ? undefined
      : // Items the visitor engaged with are filtered out later: room for them on top.
        retrieve(
          { matrix, prior, signals, focus, global },
          (input.candidates ?? CANDIDATES) + signals.length,
        );
  const personal = await input.scorer.score({ history, signals, matrix, indexOf, now, candidates });
  const seed = history.filter(isEngagement).length;
  return rank({ items, matrix, prior, signals, candidates, personal }, { ...options, seed });
}
