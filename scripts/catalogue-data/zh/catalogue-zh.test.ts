import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../../src/shared/catalogue/parse';

const text = readFileSync(new URL('../../../public/catalogue-zh.json', import.meta.url), 'utf8');

describe('the Chinese demo catalogue', () => {
  const raw = JSON.parse(text) as {
    campaigns: { itemIds: string[] }[];
  };

  it('is a valid Chinese catalogue with a name, 300+ items and 10+ categories', () => {
    const catalogue = parseCatalogue(text);
    expect(catalogue).toMatchObject({ language: 'zh', name: '拾光小铺' });
    expect(catalogue.items.length).toBeGreaterThanOrEqual(300);
    const top = new Set(catalogue.items.map((item) => item.category?.split('>')[0]?.trim()));
    expect(top.size).toBeGreaterThanOrEqual(10);
    for (const item of catalogue.items) {
      expect(item.title).toMatch(/\p{Script=Han}/u);
      expect(item.description).toMatch(/\p{Script=Han}.*。$/u);
      expect(item.currency).toBe('CNY');
    }
    expect(new Set(catalogue.items.map((item) => item.title)).size).toBe(catalogue.items.length);
  });

  it('ships campaigns whose items exist', () => {
    const ids = new Set(parseCatalogue(text).items.map((item) => item.id));
    expect(raw.campaigns.length).toBeGreaterThanOrEqual(8);
    for (const campaign of raw.campaigns) {
      expect(campaign.itemIds.length).toBeGreaterThan(0);
      for (const id of campaign.itemIds) expect(ids.has(id)).toBe(true);
    }
  });
});
