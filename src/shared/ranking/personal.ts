import type { ItemSignal } from '../interactions/signals';
import type { Interaction } from '../interactions/types';
import { normalize, similarities, weightedSum, type ItemMatrix } from './matrix';

/**
 * A personal score for every catalogue item (or for each of the input's candidates, in their
 * order), and how much evidence stands behind it.
 */
export interface PersonalScores {
  scores: Float32Array;
  /** Sum of absolute signal weight: 0 for a new visitor, grows with likes and dislikes alike. */
  strength: number;
  /**
   * The scores rest on the shop's global model, which scored items for what the visitor liked:
   * they are then trusted fully from the first like (the head weighs popularity in itself).
   */
  grounded?: boolean;
}

/** What a scorer may read about the visitor and the catalogue. */
export interface ScoringInput {
  history: readonly Interaction[];
  signals: readonly ItemSignal[];
  matrix: ItemMatrix;
  indexOf: ReadonlyMap<string, number>;
  now: number;
  /** Score only these rows (the candidates of two-stage ranking); all rows when absent. */
  candidates?: Int32Array;
}

/**
 * Scores the catalogue for one visitor. The profile scorer below is the heuristic one (used in
 * unit tests and as the untrained starting point); the engine uses the TF.js scoring head.
 */
export interface PersonalScorer {
  readonly name: string;
  score(input: ScoringInput): Promise<PersonalScores | null>;
}

/**
 * How much evidence stands behind a personal score: total absolute weight of items the visitor
 * acted on. Impressions alone are no evidence: someone who only looked keeps the popular feed.
 */
export function evidence(signals: readonly ItemSignal[]): number {
  return signals.reduce((sum, s) => sum + (s.engaged ? Math.abs(s.weight) : 0), 0);
}

/** How much a disliked direction pushes items down relative to the liked direction. */
const NEGATIVE_WEIGHT = 0.6;

/** Scores items by cosine to the weighted profile of liked items minus the disliked ones. */
export class ProfileScorer implements PersonalScorer {
  readonly name = 'profile';

  score({ signals, matrix, candidates }: ScoringInput): Promise<PersonalScores | null> {
    const profile = profileVector(signals, matrix);
    if (!profile) return Promise.resolve(null);
    const scores = similarities(matrix, profile, candidates);
    return Promise.resolve({ scores, strength: evidence(signals) });
  }
}

/**
 * The profile as one vector: the direction of liked items minus NEGATIVE_WEIGHT × that of
 * disliked ones (cosine is linear, so one scan scores both); null with no signal either way.
 */
export function profileVector(
  signals: readonly ItemSignal[],
  matrix: ItemMatrix,
): Float32Array | null {
  const positive = signals.filter((s) => s.weight > 0);
  const negative = signals.filter((s) => s.weight < 0).map((s) => ({ ...s, weight: -s.weight }));
  if (positive.length === 0 && negative.length === 0) return null;
  const liked = normalize(weightedSum(matrix, positive));
  const disliked = normalize(weightedSum(matrix, negative));
  for (let i = 0; i < liked.length; i++) {
    liked[i] = (liked[i] ?? 0) - NEGATIVE_WEIGHT * (disliked[i] ?? 0);
  }
  return liked;
}

/** Share of the personal score in the blend: 0 with no history, approaching 1 as it grows. */
export function personalShare(strength: number, halfAt = 4): number {
  return strength <= 0 ? 0 : strength / (strength + halfAt);
}
