import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../../scripts/lib/tf-node';
import type { Interaction } from '../../../src/shared/interactions/types';
import { DB_NAME } from '../../storage/db';
import { Repository } from '../../storage/repository';
import { deleteDatabase } from '../../../test/stored-fixtures';
import { HeadScorer } from './head-scorer';
import { likes, testSpace } from '../../../test/head-space';
import { FULL_TRAINING } from './trainer';

beforeAll(async () => {
  await initNodeBackend('cpu');
});
beforeEach(() => deleteDatabase(DB_NAME));

describe('HeadScorer', () => {
  it('does not count a run skipped for too few positives as trained on', async () => {
    const f = testSpace();
    let history: Interaction[] = likes(3);
    const repository = new Repository();
    const planned: number[] = [];
    const scorer = new HeadScorer(
      'cpu',
      repository,
      () => Promise.resolve(history),
      () => {},
      (_, epochs) => {
        planned.push(epochs);
        return Promise.resolve();
      },
    );
    await scorer.bind('k', f.matrix, f.items, f.prior);
    await scorer.idle();
    expect(scorer.state().trainedOn).toBe(0);
    expect(await repository.weights('k')).toBeUndefined();
    // The first run with enough to check against is a full one, on all of the history.
    history = likes(6);
    scorer.schedule(0);
    await scorer.idle();
    expect(scorer.state().trainedOn).toBe(6);
    expect(scorer.state().last?.held).toBeGreaterThan(0);
    expect(new Set(planned)).toEqual(new Set([FULL_TRAINING.epochs]));
    await scorer.retire();
  });
});
