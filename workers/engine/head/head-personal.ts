import type { Interaction } from '../../../src/shared/interactions/types';
import { headEvents, scoringBatch } from '../../../src/shared/ranking/examples';
import {
  evidence,
  type PersonalScorer,
  type PersonalScores,
  type ScoringInput,
} from '../../../src/shared/ranking/personal';
import type { TrainReport } from '../../../src/shared/engine-api';
import type { ItemTensors } from './item-tensors';
import type { ScoringHead } from './scoring-head';
import { trainHead, type TrainOptions } from './trainer';

/**
 * Personal scores from a head over an item space (the candidates, when the input names them):
 * the visitor's window at `now` through the head. The worker's HeadScorer and the offline
 * evaluation both score through this.
 */
export async function headScores(
  head: ScoringHead,
  items: ItemTensors,
  input: ScoringInput,
): Promise<PersonalScores | null> {
  const events = headEvents(input.history, input.indexOf);
  if (events.length === 0) return null;
  const window = scoringBatch(events, items.space, input.now);
  const scores = await head.scoreAll(items, events, window, input.candidates);
  return { scores, strength: evidence(input.signals) };
}

/** Trains a head on a history (time order, events on unknown items dropped). */
export function trainOnHistory(
  head: ScoringHead,
  items: ItemTensors,
  history: readonly Interaction[],
  indexOf: ReadonlyMap<string, number>,
  options: TrainOptions,
): Promise<TrainReport> {
  return trainHead(head, items.space, headEvents(history, indexOf), options);
}

/** A fixed, already trained head as a PersonalScorer (no persistence, no scheduling). */
export class TrainedHeadScorer implements PersonalScorer {
  readonly name = 'tfjs-head';
  constructor(
    private readonly head: ScoringHead,
    private readonly items: ItemTensors,
  ) {}

  score(input: ScoringInput): Promise<PersonalScores | null> {
    return headScores(this.head, this.items, input);
  }
}
