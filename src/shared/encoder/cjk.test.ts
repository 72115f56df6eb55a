import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../catalogue/schema';
import { dot, row } from '../ranking/matrix';
import { cjkTokens } from './cjk';
import { LexicalEncoder } from './lexical';
import { tokenize } from './tokenize';

const items: CatalogueItem[] = [
  { id: 'grinder', title: '静音咖啡磨豆机', category: '咖啡与茶 > 咖啡器具', tags: ['磨豆机'] },
  { id: 'kettle', title: '手冲咖啡细口壶', category: '咖啡与茶 > 咖啡器具', tags: ['手冲'] },
  { id: 'tent', title: '双人轻量露营帐篷', category: '户外 > 帐篷', tags: ['露营'] },
  { id: 'headphones', title: 'Bose 降噪耳机', category: '数码 > 耳机', tags: ['蓝牙'] },
  { id: 'lamp', title: '护眼台灯', category: '家居 > 灯具', tags: ['LED', '学习'] },
];

async function best(query: string): Promise<string | undefined> {
  const encoder = new LexicalEncoder(items);
  const matrix = await encoder.encodeItems(items);
  const q = await encoder.encodeQuery(query);
  const scores = items.map((_, i) => dot(row(matrix, i), q));
  const top = scores.indexOf(Math.max(...scores));
  return (scores[top] ?? 0) > 0 ? items[top]?.id : undefined;
}

describe('CJK tokenization', () => {
  it('cuts an unspaced Chinese run into words and bigrams, dropping function words', () => {
    const tokens = tokenize('安静的咖啡磨豆机');
    expect(tokens).toEqual(expect.arrayContaining(['安静', '咖啡', '磨豆', '豆机']));
    // 的 is a particle: neither a token nor part of a bigram.
    expect(tokens.some((token) => token.includes('的'))).toBe(false);
  });

  it('keeps a lone character as a token', () => {
    expect(cjkTokens('茶')).toEqual(['茶']);
  });

  it('splits mixed Chinese–English text by script', () => {
    const tokens = tokenize('Bose降噪耳机, wireless headphones');
    expect(tokens).toEqual(
      expect.arrayContaining(['bose', '降噪', '耳机', 'wireless', 'headphone']),
    );
  });

  it('leaves Latin text exactly as before', () => {
    expect(tokenize('The Crème BRÛLÉE mugs and berries, USB-C 2x')).toEqual([
      'creme',
      'brulee',
      'mug',
      'berry',
      'usb',
      '2x',
    ]);
  });
});

describe('LexicalEncoder on Chinese text', () => {
  it('finds the quiet coffee grinder for "安静的咖啡磨豆机"', async () => {
    expect(await best('安静的咖啡磨豆机')).toBe('grinder');
  });

  it('matches a query word inside a longer title', async () => {
    expect(await best('帐篷')).toBe('tent');
    expect(await best('降噪')).toBe('headphones');
  });

  it('matches mixed-script queries', async () => {
    expect(await best('bose 耳机')).toBe('headphones');
    expect(await best('LED台灯')).toBe('lamp');
  });
});
