import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../catalogue/schema';
import { LexicalEncoder } from '../encoder/lexical';
import type { Interaction } from '../interactions/types';
import { ProfileScorer } from '../ranking/personal';
import { popularityPrior } from '../ranking/prior';
import { SearchIndex } from './search-index';
import { searchFeed } from './search-feed';

const now = Date.UTC(2026, 10, 22);
const BRANDS = ['Kettlebrook', 'Roastery Nine', 'Misty Terrace'];
/** Nine teas of three brands, two kettles, a grinder; the first tea is the most popular. */
const ITEMS: CatalogueItem[] = [
  ...Array.from({ length: 9 }, (_, i) => ({
    id: `tea-${i}`,
    title: `${BRANDS[i % 3] ?? ''} Black Tea ${i}`,
    brand: BRANDS[i % 3],
    category: 'Coffee & Tea > Loose Leaf Tea',
    description: `A ${['malty', 'smoky', 'floral'][i % 3] ?? ''} tea from ${BRANDS[i % 3] ?? ''}.`,
    popularity: 1 - i / 10,
  })),
  {
    id: 'kettle-0',
    title: 'Kettlebrook Gooseneck Kettle',
    brand: 'Kettlebrook',
    category: 'Kitchen',
  },
  { id: 'kettle-1', title: 'Copperleaf Electric Kettle', brand: 'Copperleaf', category: 'Kitchen' },
  { id: 'grinder', title: 'Quiet Coffee Grinder', category: 'Coffee & Tea > Coffee Grinders' },
];

async function search(text: string, history: Interaction[] = [], count = 6) {
  const encoder = new LexicalEncoder(ITEMS);
  const input = {
    index: SearchIndex.build(ITEMS),
    items: ITEMS,
    matrix: await encoder.encodeItems(ITEMS),
    prior: popularityPrior(ITEMS),
    indexOf: new Map(ITEMS.map((item, i) => [item.id, i])),
    history,
    scorer: new ProfileScorer(),
    now,
  };
  return (await searchFeed(input, { text, count })).map((entry) => ({
    id: ITEMS[entry.index]?.id ?? '',
    reason: entry.reason,
  }));
}

const liked = (...ids: string[]): Interaction[] =>
  ids.map((itemId, k) => ({ type: 'like', itemId, ts: now - 1_000 + k }));

describe('searchFeed', () => {
  it('returns only matches, with the words each matched', async () => {
    const out = await search('quiet coffee grinder');
    expect(out.map((e) => e.id)).toEqual(['grinder', ...out.slice(1).map((e) => e.id)]);
    expect(out[0]?.reason).toEqual({
      kind: 'query',
      query: 'quiet coffee grinder',
      words: ['quiet', 'coffee', 'grinder'],
      movedUp: false,
    });
    for (const entry of out.slice(1)) expect(entry.id.startsWith('kettle')).toBe(false);
  });

  it('ranks the liked brand first among the matches, saying it moved up', async () => {
    const before = (await search('black tea')).map((e) => e.id);
    expect(before[0]).toBe('tea-0');
    const out = await search('black tea', liked('tea-2', 'tea-5', 'tea-8'));
    // Misty Terrace teas (2, 5, 8) lead (variety keeps one other in the first three).
    const misty = ['tea-2', 'tea-5', 'tea-8'];
    expect(misty).toContain(out[0]?.id);
    expect(out.slice(0, 3).filter((e) => misty.includes(e.id)).length).toBeGreaterThanOrEqual(2);
    expect(out[0]?.reason).toMatchObject({ words: ['black', 'tea'], movedUp: true });
    // Taste reorders matches only: a kettle never joins a search for tea.
    expect(out.every((e) => e.id.startsWith('tea-'))).toBe(true);
  });

  it('leaves out bought and disliked items, keeps liked ones findable', async () => {
    const history: Interaction[] = [
      { type: 'purchase', itemId: 'kettle-0', ts: now - 10 },
      { type: 'dislike', itemId: 'kettle-1', ts: now - 5 },
    ];
    const found = (await search('kettle', history)).map((e) => e.id);
    // "kettle" is also the start of "Kettlebrook": its teas still match.
    expect(found.length).toBeGreaterThan(0);
    expect(found).not.toContain('kettle-0');
    expect(found).not.toContain('kettle-1');
    expect((await search('tea', liked('tea-3'))).map((e) => e.id)).toContain('tea-3');
  });

  it('finds nothing when no word matches', async () => {
    expect(await search('xylophone')).toEqual([]);
  });
});
