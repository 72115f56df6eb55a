import { engagementEvents, type HeadEvent } from '../../../src/shared/head/events';
import { historyFingerprint } from '../../../src/shared/head/fingerprint';

/** What the weights were last trained on: the engagement count and the history's fingerprint. */
export interface TrainedState {
  trainedOn: number;
  fingerprint: string;
}

/** One training run the schedule asks for after an interaction. */
export interface PlannedRun {
  /** Full training from the current weights' start, or a short incremental run. */
  mode: 'full' | 'incremental';
  engaged: number;
  fingerprint: string;
}

/**
 * The run the device makes for a history (time order), or null when the weights are current.
 * Full when nothing was trained yet or the engagement more than doubled since the last run;
 * otherwise a short incremental run from the current weights. HeadScorer and the offline replay
 * (scripts/lib/on-device.ts, `replay`) both decide through this, so the evaluation cannot drift.
 */
export function planTraining(state: TrainedState, events: readonly HeadEvent[]): PlannedRun | null {
  const fingerprint = historyFingerprint(events);
  const engaged = engagementEvents(events).length;
  if (engaged === 0 || fingerprint === state.fingerprint) return null;
  const full = state.trainedOn === 0 || engaged > state.trainedOn * 2;
  return { mode: full ? 'full' : 'incremental', engaged, fingerprint };
}

/**
 * What the weights count as trained on after a run that held `held` examples out, or null when
 * the run does not count: with none held out nothing was trained (too few positives to check
 * against), so the state stays and the next real run is still a full one.
 */
export function afterTraining(run: PlannedRun, held: number): TrainedState | null {
  return held === 0 ? null : { trainedOn: run.engaged, fingerprint: run.fingerprint };
}
