import { describe, expect, it } from 'vitest';
import type { Campaign, CatalogueItem } from '../catalogue/schema';
import type { ItemSignal } from '../interactions/signals';
import { normalize, type ItemMatrix } from '../ranking/matrix';
import { seededRandom } from '../random';
import {
  MAX_DAILY_SHOWINGS,
  emptyCampaignState,
  readCampaignState,
  withDismissal,
  withShowing,
} from './capping';
import { campaignRows, chooseCampaign, EXPLORATION_SHARE, type ChoiceInput } from './choose';
import { prepareCampaign } from './prepare';

/**
 * Eight themes on eight axes, four items each, with a little variation; campaigns exist for the
 * first three (tea, tents, bikes).
 */
const THEMES = ['tea', 'tent', 'bike', 'book', 'toy', 'pan', 'pen', 'cup'] as const;
const items: CatalogueItem[] = THEMES.flatMap((theme) =>
  [0, 1, 2, 3].map((i) => ({ id: `${theme}-${i}`, title: `${theme} ${i}`, category: theme })),
);
const dims = THEMES.length + 2;
const data = new Float32Array(items.length * dims);
items.forEach((_, i) => {
  const v = data.subarray(i * dims, (i + 1) * dims);
  v[Math.floor(i / 4)] = 1;
  v[THEMES.length] = 0.2 * (i % 4);
  v[THEMES.length + 1] = 0.1;
  normalize(v);
});
const matrix: ItemMatrix = { rows: items.length, dims, data };
const indexOf = new Map(items.map((item, index) => [item.id, index]));
const axis = (k: number) => Float32Array.from({ length: dims }, (_, i) => (i === k ? 1 : 0));

const campaign = (id: string, theme: number, extra: Partial<Campaign> = {}) =>
  prepareCampaign({ id, title: id, ...extra }, axis(theme), matrix, indexOf);
const campaigns = [campaign('tea-sale', 0), campaign('tent-sale', 1), campaign('bike-sale', 2)];
const clicked = (...indices: number[]): ItemSignal[] =>
  indices.map((index) => ({
    index,
    weight: 1.5,
    lastTs: 0,
    strongest: 'click',
    purchased: false,
    disliked: false,
    engaged: true,
  }));
const NOW = Date.parse('2026-12-10T12:00:00Z');
const input = (overrides: Partial<ChoiceInput> = {}): ChoiceInput => ({
  campaigns,
  matrix,
  prior: new Float32Array(items.length),
  items,
  signals: [],
  state: emptyCampaignState('2026-12-10'),
  now: NOW,
  ...overrides,
});
const never = () => 0.99;

describe('chooseCampaign', () => {
  it('picks the campaign that fits what the visitor clicked, naming the strongest item', () => {
    const choice = chooseCampaign(input({ signals: clicked(4, 5, 6) }), { random: never });
    expect(choice?.campaign.campaign.id).toBe('tent-sale');
    expect(choice?.reason.kind).toBe('interest');
    const named = choice?.reason.kind === 'interest' ? choice.reason.itemIndex : -1;
    expect([4, 5, 6]).toContain(named);
  });

  it('lets the latest, heavier interests win over older, lighter ones', () => {
    const signals = [...clicked(0), ...clicked(9, 10).map((s) => ({ ...s, weight: 4 }))];
    expect(chooseCampaign(input({ signals }), { random: never })?.campaign.campaign.id).toBe(
      'bike-sale',
    );
  });

  it('never shows a dismissed campaign again, and then offers the next one only if it fits', () => {
    const state = withDismissal(emptyCampaignState('2026-12-10'), 'tea-sale');
    const choice = chooseCampaign(input({ signals: clicked(0, 1, 2), state }), { random: never });
    expect(choice).toBeNull();
    const mixed = clicked(0, 1, 4, 5);
    const next = chooseCampaign(input({ signals: mixed, state }), { random: never });
    expect(next?.campaign.campaign.id).toBe('tent-sale');
  });

  it(`shows a campaign at most ${MAX_DAILY_SHOWINGS} times a day`, () => {
    let state = emptyCampaignState('2026-12-10');
    const shown: (string | undefined)[] = [];
    for (let view = 0; view < MAX_DAILY_SHOWINGS + 2; view++) {
      const choice = chooseCampaign(input({ signals: clicked(0, 1), state }), { random: never });
      shown.push(choice?.campaign.campaign.id);
      if (choice) state = withShowing(state, choice.campaign.campaign.id);
    }
    expect(shown.filter((id) => id === 'tea-sale')).toHaveLength(MAX_DAILY_SHOWINGS);
    // The next day starts afresh; dismissals are kept.
    const tomorrow = readCampaignState(state, '2026-12-11');
    expect(tomorrow.shown).toEqual([]);
    const choice = chooseCampaign(input({ signals: clicked(0, 1), state: tomorrow }), {
      random: never,
    });
    expect(choice?.campaign.campaign.id).toBe('tea-sale');
  });

  it('honours validity windows; a date-only end lasts to the end of that day (UTC)', () => {
    const dated = (starts?: string, ends?: string) => [
      campaign('tea-sale', 0, { ...(starts ? { starts } : {}), ...(ends ? { ends } : {}) }),
    ];
    const pick = (list: ReturnType<typeof dated>, now = NOW) =>
      chooseCampaign(input({ campaigns: list, signals: clicked(0, 1), now }), { random: never });
    expect(pick(dated('2026-12-11'))).toBeNull();
    expect(pick(dated(undefined, '2026-12-09'))).toBeNull();
    expect(pick(dated('2026-12-10', '2026-12-10'))).not.toBeNull();
    expect(pick(dated(undefined, '2026-12-10'), Date.parse('2026-12-10T23:59:59Z'))).not.toBeNull();
    expect(pick(dated(undefined, '2026-12-10'), Date.parse('2026-12-11T00:00:00Z'))).toBeNull();
    expect(pick(dated('2026-12-10T13:00:00+01:00'))).not.toBeNull();
    expect(pick(dated('2026-12-10T14:00:00+01:00'))).toBeNull();
  });

  it('gives a new visitor the campaign that fits the popular items, or none', () => {
    const prior = new Float32Array(items.length);
    for (const index of [8, 9, 10]) prior[index] = 1;
    const choice = chooseCampaign(input({ prior }), { random: () => 0 });
    expect(choice?.campaign.campaign.id).toBe('bike-sale');
    expect(choice?.reason).toEqual({ kind: 'popular' });
    // Popularity spread evenly over the themes favours none of them.
    expect(
      chooseCampaign(input({ prior: new Float32Array(items.length).fill(1) }), { random: never }),
    ).toBeNull();
    expect(chooseCampaign(input(), { random: never })).toBeNull();
  });

  it('lets disliked items push a campaign away', () => {
    const liked = clicked(0, 1, 4, 5);
    expect(chooseCampaign(input({ signals: liked }), { random: never })?.campaign.campaign.id).toBe(
      'tea-sale',
    );
    const disliked = clicked(2, 3).map((s) => ({ ...s, weight: -4, disliked: true }));
    const signals = [...liked, ...disliked];
    expect(chooseCampaign(input({ signals }), { random: never })?.campaign.campaign.id).toBe(
      'tent-sale',
    );
  });

  it('explores in a small, seeded share of views, always with another eligible campaign', () => {
    const count = (seed: number) => {
      const random = seededRandom(seed);
      let explored = 0;
      for (let view = 0; view < 2_000; view++) {
        const choice = chooseCampaign(input({ signals: clicked(4, 5) }), { random });
        if (choice?.reason.kind === 'explore') {
          explored += 1;
          expect(choice.campaign.campaign.id).not.toBe('tent-sale');
        }
      }
      return explored;
    };
    const explored = count(1);
    expect(explored / 2_000).toBeGreaterThan(EXPLORATION_SHARE / 2);
    expect(explored / 2_000).toBeLessThan(EXPLORATION_SHARE * 2);
    expect(count(1)).toBe(explored);
  });

  it("lists the campaign's available, unbought items, nearest the visitor's taste first", () => {
    const withItems = [
      prepareCampaign(
        { id: 'tents', title: 'Tents', itemIds: ['tent-0', 'tent-1', 'tent-2', 'tent-3', 'gone'] },
        axis(1),
        matrix,
        indexOf,
      ),
    ];
    const shelf = items.map((item) =>
      item.id === 'tent-2' ? { ...item, available: false } : item,
    );
    const signals = [...clicked(7), ...clicked(5).map((s) => ({ ...s, purchased: true }))];
    const choiceInput = input({ campaigns: withItems, items: shelf, signals });
    const choice = chooseCampaign(choiceInput, { random: never });
    expect(choice).not.toBeNull();
    if (!choice) return;
    expect(campaignRows(choice, choiceInput, 3)).toEqual([7, 4]);
  });
});
