import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/shared/catalogue/schema';
import { LexicalEncoder } from '../../src/shared/encoder/lexical';
import { parseJsonl, toJsonl } from '../../src/shared/interactions/jsonl';
import type { Interaction } from '../../src/shared/interactions/types';
import { popularityPrior } from '../../src/shared/ranking/prior';
import { DB_NAME } from '../storage/db';
import { Repository } from '../storage/repository';
import { deleteDatabase } from '../../test/stored-fixtures';
import { CAMPAIGN_SETTING, Campaigns } from './campaigns';
import type { Loaded } from './load-state';

const THEMES = ['green tea', 'camping tent', 'bike light', 'cook book', 'toy train', 'frying pan'];
const catalogue: Catalogue = {
  schema: 'private-recs/catalogue@1',
  id: 'shop',
  items: THEMES.flatMap((theme, t) =>
    [1, 2, 3].map((n) => ({
      id: `t${t}-${n}`,
      title: `${theme} number ${n}`,
      category: `${theme} shop`,
    })),
  ),
  campaigns: [
    { id: 'tea', title: 'Tea week', text: 'Green tea from the hills', itemIds: ['t0-1'] },
    { id: 'tents', title: 'Camping days', audience: 'People who sleep in a tent' },
  ],
};

async function loaded(): Promise<Loaded> {
  const encoder = new LexicalEncoder(catalogue.items);
  const matrix = await encoder.encodeItems(catalogue.items);
  const indexOf = new Map(catalogue.items.map((item, index) => [item.id, index]));
  const index = { encoder, matrix };
  const prior = popularityPrior(catalogue.items);
  return { catalogue, indexOf, index, prior } as Partial<Loaded> as Loaded;
}

const clicks = (...ids: string[]): Interaction[] =>
  ids.map((itemId, i) => ({ type: 'click', itemId, ts: Date.now() - 1000 * (i + 1) }));

beforeEach(() => deleteDatabase(DB_NAME));

describe('Campaigns (worker)', () => {
  it('chooses the campaign that fits, names why, and counts the showing in storage', async () => {
    const repository = new Repository();
    const campaigns = new Campaigns(repository);
    const state = await loaded();
    const history = clicks('t1-1', 't1-2', 't1-3');
    const view = await campaigns.choose(state, history, {}, true);
    expect(view).toMatchObject({ id: 'tents', title: 'Camping days', why: { kind: 'interest' } });
    expect(view?.reason).toMatch(/^Because you like camping tent shop$/);
    const stored = (await repository.settings())[CAMPAIGN_SETTING] as { shown: unknown };
    expect(stored.shown).toEqual([['tents', 1]]);
    await campaigns.choose(state, history, {}, false);
    expect(await repository.settings()).toEqual({ [CAMPAIGN_SETTING]: stored });
  });

  it('keeps a dismissal, exports and imports it, and forgets it with everything else', async () => {
    const repository = new Repository();
    const campaigns = new Campaigns(repository);
    const state = await loaded();
    const history = clicks('t0-2', 't0-3');
    const first = await campaigns.choose(state, history, { items: 3 }, true);
    expect(first?.id).toBe('tea');
    expect(first?.itemIds).toEqual(['t0-1']);
    await campaigns.dismiss('tea');
    expect(await campaigns.choose(state, history, {}, true)).toBeNull();
    // The export's settings line carries the state, and an import accepts it as it is.
    const exported = toJsonl(history, await repository.settings());
    const parsed = parseJsonl(exported, Date.now());
    expect(parsed.rejected).toBe(0);
    expect(parsed.settings?.[CAMPAIGN_SETTING]).toMatchObject({ dismissed: ['tea'] });
    await repository.forget();
    expect((await campaigns.choose(state, history, {}, true))?.id).toBe('tea');
  });
});
