import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PersonalScorer } from '../../src/shared/ranking/personal';
import type { Ranked } from '../../src/shared/ranking/rank';
import { DB_NAME } from '../storage/db';
import { Repository } from '../storage/repository';
import { deleteDatabase } from '../../test/stored-fixtures';
import { EXPERIMENT_SETTING, Experiment } from './experiment';

const ids = Array.from({ length: 20 }, (_, i) => ({ id: `item-${i}` }));
// Two strategies with disjoint rankings: (a) items 0–9, (b) items 10–19.
const learned = { name: 'learned' } as PersonalScorer;
const profile = { name: 'profile' } as PersonalScorer;
const ranking = (from: number): Ranked[] =>
  Array.from(
    { length: 10 },
    (_, i) => ({ index: from + i, score: 10 - i, reason: { kind: 'popular' } }) as Ranked,
  );
const rank = (scorer: PersonalScorer) => Promise.resolve(ranking(scorer === learned ? 0 : 10));
const click = (itemId: string) => ({ type: 'click' as const, itemId, ts: 1 });

beforeEach(() => deleteDatabase(DB_NAME));

describe('Experiment', () => {
  it('interleaves both rankings and credits a click to the strategy that showed the item', async () => {
    const repository = new Repository();
    const experiment = new Experiment(repository);
    const feed = await experiment.feed(rank, learned, profile, ids, 6);
    const indices = feed.map((r) => r.index);
    expect(indices.filter((i) => i < 10)).toHaveLength(3);
    expect(indices.filter((i) => i >= 10)).toHaveLength(3);
    const fromProfile = indices.find((i) => i >= 10) ?? -1;
    await experiment.record(click(`item-${fromProfile}`));
    // Once per showing; a view or an item never shown credits nothing.
    await experiment.record(click(`item-${fromProfile}`));
    await experiment.record({ type: 'view', itemId: `item-${indices[0] ?? 0}`, ts: 1 });
    await experiment.record(click('item-19'));
    expect((await experiment.view(true)).credits).toEqual({ learned: 0, profile: 1 });
    // Stored with the settings: exported and erased with them.
    expect((await repository.settings())[EXPERIMENT_SETTING]).toMatchObject({ a: 0, b: 1 });
  });

  it('shows what the feed placed by policy (floors, exploration) and credits it to neither', async () => {
    const experiment = new Experiment(new Repository());
    // The learned ranking's last two items were placed: an interest's floor and an exploration slot.
    const withPlaced = (scorer: PersonalScorer) =>
      rank(scorer).then((list) =>
        scorer === learned
          ? list.map((r, i) => (i >= 8 ? { ...r, placed: true as const } : r))
          : list,
      );
    const feed = await experiment.feed(withPlaced, learned, profile, ids, 6);
    const indices = feed.map((r) => r.index);
    expect(indices).toHaveLength(6);
    // Both placed items are shown (at the end: their places in the learned ranking are past 6),
    // where a draft of six would have shown its last two picks.
    expect(indices.slice(-2)).toEqual([8, 9]);
    expect(indices.slice(0, 4).filter((i) => i < 10)).toHaveLength(2);
    expect(indices.slice(0, 4).filter((i) => i >= 10)).toHaveLength(2);
    await experiment.record(click('item-8'));
    await experiment.record(click('item-9'));
    expect((await experiment.view(true)).credits).toEqual({ learned: 0, profile: 0 });
  });

  it('settles on the winner once the sign test says so, and starts again on reset', async () => {
    const experiment = new Experiment(new Repository());
    for (let round = 0; round < 6; round++) {
      const feed = await experiment.feed(rank, learned, profile, ids, 4);
      const pick = feed.find((r) => r.index < 10);
      if (pick) await experiment.record(click(`item-${pick.index}`));
    }
    const view = await experiment.view(true);
    expect(view).toMatchObject({
      credits: { learned: 6, profile: 0 },
      inUse: 'learned',
      settled: true,
    });
    const settled = await experiment.feed(rank, learned, profile, ids, 4);
    expect(settled.map((r) => r.index)).toEqual(ranking(0).map((r) => r.index));
    await experiment.reset();
    expect(await experiment.view(true)).toMatchObject({
      credits: { learned: 0, profile: 0 },
      inUse: 'both',
    });
  });

  it('reads the stored tally again after invalidate() (another tab, an import, an erasure)', async () => {
    const repository = new Repository();
    const experiment = new Experiment(repository);
    expect((await experiment.view(true)).credits.learned).toBe(0);
    await repository.putSettings({ [EXPERIMENT_SETTING]: { a: 4, b: 1, since: 5 } });
    experiment.invalidate();
    expect((await experiment.view(true)).credits).toEqual({ learned: 4, profile: 1 });
    expect((await experiment.view(false)).inUse).toBe('profile');
  });
});
