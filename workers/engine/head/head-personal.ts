import type { Interaction } from '../../../src/shared/interactions/types';
import { headEvents, type HeadEvent } from '../../../src/shared/head/events';
import { longTermProfile } from '../../../src/shared/head/profile';
import { scoringBatch } from '../../../src/shared/head/features';
import type { HeadSpace } from '../../../src/shared/head/space';
import { visitorGlobal } from '../../../src/shared/head/global-feature';
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
  const { events, longTerm, global } = scoringContext(input.history, input.indexOf, items.space);
  if (events.length === 0) return null;
  const window = scoringBatch(events, items.space, input.now);
  const scores = await head.scoreAll(items, longTerm, window, input.candidates, global);
  const grounded = global?.some((value) => value > 0) ?? false;
  return { scores, strength: evidence(input.signals), grounded };
}

interface ScoringContext {
  indexOf: ReadonlyMap<string, number>;
  space: HeadSpace;
  events: HeadEvent[];
  longTerm: Float32Array;
  global: Float32Array | null;
}

/**
 * What scoring derives from a history that does not depend on the time of the request, kept per
 * history array: the engine hands out the same array until the history changes, so a page that
 * asks again and again (or after a flood of events) pays for a long history once, not per request.
 */
const contexts = new WeakMap<readonly Interaction[], ScoringContext>();

function scoringContext(
  history: readonly Interaction[],
  indexOf: ReadonlyMap<string, number>,
  space: HeadSpace,
): ScoringContext {
  const known = contexts.get(history);
  if (known?.indexOf === indexOf && known.space === space) return known;
  const events = headEvents(history, indexOf);
  const context = {
    indexOf,
    space,
    events,
    longTerm: longTermProfile(events, space),
    global: visitorGlobal(events, space.global),
  };
  contexts.set(history, context);
  return context;
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
