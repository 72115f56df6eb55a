import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../catalogue/schema';
import { matchedWords } from './matched-words';
import { SearchIndex } from './search-index';
import { queryWords } from './terms';

const ITEMS: CatalogueItem[] = [
  { id: 'g1', title: 'Quiet Burr Grinder', category: 'Coffee & Tea > Coffee Grinders' },
  {
    id: 'g2',
    title: 'Hand Grinder',
    category: 'Coffee & Tea > Coffee Grinders',
    brand: 'Roastery',
  },
  { id: 'k1', title: 'Quiet Kettle', category: 'Kitchen > Small Appliances' },
  { id: 'm1', title: 'Coffee Mug', category: 'Coffee & Tea > Mugs', tags: ['drinkware'] },
  { id: 't1', title: 'Stacking Rainbow', category: 'Toys > Wooden Toys', tags: ['toddler'] },
  { id: 't2', title: 'Shape Sorter', description: 'A brilliant pick for toddlers.' },
  { id: 'f1', title: 'Eau de Parfum', category: 'Beauty', tags: ['gift', 'gifting', 'perfume'] },
  { id: 'f2', title: 'Hair Perfume', category: 'Beauty', tags: ['gift', 'perfume'] },
  { id: 'f3', title: 'Body Lotion', category: 'Beauty', tags: ['gift'] },
  { id: 'b1', title: 'Brewing Guide', description: 'How to brew coffee at home.' },
  { id: 'z1', title: '听澜 蓝牙降噪耳机', category: '数码影音 > 耳机' },
  { id: 'z2', title: '声谷 轻量运动耳机', category: '数码影音 > 耳机' },
  { id: 'z3', title: '慢烘 家用咖啡磨豆机', category: '咖啡与茶 > 咖啡机' },
];
const index = SearchIndex.build(ITEMS);
const ids = (query: string) => index.search(query).map((hit) => ITEMS[hit.row]?.id);
const words = (query: string, id: string) => {
  const hit = index.search(query).find((h) => ITEMS[h.row]?.id === id);
  return matchedWords(queryWords(query), hit?.terms ?? [], (t) => index.surface(t));
};

describe('SearchIndex', () => {
  it('ranks the item matching every word first, and only matches', () => {
    const found = ids('quiet coffee grinder');
    expect(found[0]).toBe('g1');
    expect(found).not.toContain('t1');
    expect(new Set(found)).toEqual(new Set(['g1', 'g2', 'k1', 'm1', 'b1']));
  });

  it('scales scores so that the best match scores 1, best first', () => {
    const scores = index.search('coffee').map((hit) => hit.score);
    expect(scores[0]).toBe(1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('stems English words and folds plurals', () => {
    expect(ids('brewing')).toContain('b1');
    expect(ids('mugs')).toEqual(['m1']);
    expect(ids('toddler').sort()).toEqual(['t1', 't2']);
  });

  it('forgives a typo and matches a prefix', () => {
    expect(new Set(ids('grindr'))).toEqual(new Set(['g1', 'g2']));
    expect(new Set(ids('toddlr'))).toEqual(new Set(['t1', 't2']));
    expect(ids('grin').slice(0, 2).sort()).toEqual(['g1', 'g2']);
  });

  it('weighs a rare word above a common one', () => {
    // "gift" is on a third of the shop, "toddler" on three items, in their longer descriptions.
    const gifts = Array.from({ length: 12 }, (_, i) => ({
      id: `gift-${i}`,
      title: `Scent ${i}`,
      tags: ['gift', 'gifting'],
    }));
    const toddlers = Array.from({ length: 3 }, (_, i) => ({
      id: `toddler-${i}`,
      title: `Stacking toy ${i}`,
      description: 'Bright colours and chunky shapes make it a brilliant pick for a toddler.',
    }));
    const items: CatalogueItem[] = [...ITEMS, ...gifts, ...toddlers];
    const found = SearchIndex.build(items)
      .search('gift for a toddler')
      .map((hit) => items[hit.row]?.id);
    expect(found.slice(0, 5).sort()).toEqual(['t1', 't2', 'toddler-0', 'toddler-1', 'toddler-2']);
  });

  it('searches the brand', () => {
    expect(ids('roastery')).toEqual(['g2']);
  });

  it('finds Chinese items by the words of an unspaced query', () => {
    expect(ids('降噪耳机')[0]).toBe('z1');
    expect(ids('安静的咖啡磨豆机')[0]).toBe('z3');
    expect(ids('吉他')).toEqual([]);
  });

  it('finds nothing for words the catalogue lacks', () => {
    expect(index.search('xylophone')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });
});

describe('matchedWords', () => {
  it('names the words typed that matched, in order, without stopwords', () => {
    expect(words('quiet coffee grinder', 'g1')).toEqual(['quiet', 'coffee', 'grinder']);
    expect(words('quiet coffee grinder', 'm1')).toEqual(['coffee']);
    expect(words('gift for a toddler', 't1')).toEqual(['toddler']);
  });

  it('names the catalogue word a typo or a prefix matched', () => {
    expect(words('grindr', 'g2')).toEqual(['grinder']);
    expect(words('Grin', 'g2')).toEqual(['grinder']);
  });

  it('names Chinese words, or the parts of them an item has', () => {
    expect(words('降噪耳机', 'z1')).toEqual(['降噪', '耳机']);
    expect(words('降噪耳机', 'z2')).toEqual(['耳机']);
  });
});
