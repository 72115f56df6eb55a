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
 * What a request's first stage found: the visitor's signals and the candidates of one scan of the
 * item matrix. It does not depend on the scorer, so the two arms of the feed's A/B test share it
 * (one scan per request, not one per arm).
 */
export interface FirstStage {
  signals: ReturnType<typeof aggregateSignals>;
  /** The candidate rows, or undefined when the whole catalogue is ranked. */
  candidates: Int32Array | undefined;
}

/** Signals from the history and the candidates of one scan (retrieve.ts). */
export function firstStage(
  input: Omit<FeedInput, 'scorer'>,
  options: Omit<RankOptions, 'seed'>,
): FirstStage {
  const { matrix, prior, indexOf, history, now } = input;
  const signals = aggregateSignals(history, indexOf, now);
  const focus =
    options.query?.vector ??
    (options.contextIndex === undefined ? undefined : row(matrix, options.contextIndex));
  const global =
    input.global && input.candidates !== 'all'
      ? globalScores(
          input.global,
          signals
            .filter((s) => s.weight > 0)
            .sort((a, b) => b.lastTs - a.lastTs)
            .map((s) => s.index),
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
  return { signals, candidates };
}

/**
 * One recommendation request, as the worker answers it and the offline evaluation replays it:
 * signals from the history, a first stage that picks candidates with one scan of the item
 * matrix, the personal score of the candidates, then ranking them. The exploration draw is
 * seeded by the amount of engagement, so a list is stable until the visitor does something.
 * `stage`: a first stage already computed for this same input and options (another arm's).
 */
export async function recommendFeed(
  input: FeedInput,
  options: Omit<RankOptions, 'seed'>,
  stage: FirstStage = firstStage(input, options),
): Promise<Ranked[]> {
  const { items, matrix, prior, indexOf, history, now } = input;
  const { signals, candidates } = stage;
  const personal = await input.scorer.score({ history, signals, matrix, indexOf, now, candidates });
  const seed = history.filter(isEngagement).length;
  return rank({ items, matrix, prior, signals, candidates, personal }, { ...options, seed });
}
