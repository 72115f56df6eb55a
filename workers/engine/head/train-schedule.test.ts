import { describe, expect, it } from 'vitest';
import { INTERACTION_TYPES } from '../../../src/shared/interactions/types';
import type { HeadEvent } from '../../../src/shared/head/events';
import { afterTraining, planTraining, type TrainedState } from './train-schedule';

const LIKE = INTERACTION_TYPES.indexOf('like');
const IMPRESSION = INTERACTION_TYPES.indexOf('impression');
const likes = (count: number): HeadEvent[] =>
  Array.from({ length: count }, (_, n) => ({ item: n, type: LIKE, ts: n * 1000, weight: 2 }));
const fresh: TrainedState = { trainedOn: 0, fingerprint: '' };

/** The modes a visitor's clicks lead to, one event at a time, each run holding out `held(n)`. */
function replay(count: number, held: (engaged: number) => number): string[] {
  let state = fresh;
  const modes: string[] = [];
  for (let n = 1; n <= count; n++) {
    const run = planTraining(state, likes(n));
    modes.push(run?.mode ?? 'none');
    if (run) state = afterTraining(run, held(run.engaged)) ?? state;
  }
  return modes;
}

describe('the training schedule', () => {
  it('has nothing to do without engagement, or when the history is what was trained on', () => {
    expect(planTraining(fresh, [])).toBeNull();
    const impressions = likes(3).map((e) => ({ ...e, type: IMPRESSION, weight: -0.2 }));
    expect(planTraining(fresh, impressions)).toBeNull();
    const run = planTraining(fresh, likes(4));
    expect(run).not.toBeNull();
    const state = run && afterTraining(run, 2);
    expect(state).toEqual({ trainedOn: 4, fingerprint: run?.fingerprint });
    expect(state && planTraining(state, likes(4))).toBeNull();
    // Impressions recorded since do not make the weights stale.
    expect(state && planTraining(state, [...likes(4), ...impressions])).toBeNull();
  });

  it('trains fully first and when engagement more than doubles, incrementally in between', () => {
    // Every run counts, so one event at a time leaves one full run, then incremental ones.
    expect(replay(6, () => 1)).toEqual([
      'full', // nothing trained yet
      'incremental', // 2 ≤ 2 × 1
      'incremental', // 3 ≤ 2 × 2
      'incremental',
      'incremental',
      'incremental',
    ]);
    // A burst (one run for several events, as the debounce makes it) can more than double it.
    const state = { trainedOn: 4, fingerprint: 'x' };
    expect(planTraining(state, likes(8))?.mode).toBe('incremental');
    expect(planTraining(state, likes(9))?.mode).toBe('full');
  });

  it('does not count a run that held nothing out, so the first real run is full', () => {
    // Below 5 engaged events nothing is held out (as with too few positives to check against).
    const modes = replay(8, (engaged) => (engaged < 5 ? 0 : 1));
    expect(modes).toEqual([
      'full',
      'full',
      'full',
      'full',
      'full',
      'incremental',
      'incremental',
      'incremental',
    ]);
    const run = planTraining({ trainedOn: 3, fingerprint: 'x' }, likes(4));
    expect(run && afterTraining(run, 0)).toBeNull();
  });
});
