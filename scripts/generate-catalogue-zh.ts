/**
 * Generates the Chinese demo shop, public/catalogue-zh.json, from the hand-written Simplified
 * Chinese vocabularies in scripts/catalogue-data/zh/. A fixed-seed PRNG makes every run produce a
 * byte-identical file. Item ids (`zh-0001`) never collide with the English shop's (`sku-0001`),
 * so a history kept in one browser never mixes the two shops' items.
 *
 * Run with `npm run catalogue:demo`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

import { CAMPAIGNS_ZH } from './catalogue-data/zh/campaigns';
import { CATEGORIES_ZH } from './catalogue-data/zh/categories';
import { draftItemZh, type DraftItemZh } from './catalogue-data/zh/draft';
import { intBetween, mulberry32, shuffle, type Rng } from './catalogue-data/random';

const CATALOGUE_HEADER = {
  schema: 'private-recs/catalogue@1',
  id: 'demo-shop-zh',
  version: '2026-11-22',
  language: 'zh',
  name: '拾光小铺',
} as const;
const SEED = 0x20261123;
const ITEMS_PER_CATEGORY = { min: 27, max: 32 } as const;
const MIN_CATEGORIES = 10;
const MIN_ITEMS = 300;
const ZIPF_EXPONENT = 0.75;
const UNAVAILABLE_SHARE = 0.03;
const ITEMS_PER_CAMPAIGN = 6;
const OUTPUT_URL = new URL('../public/catalogue-zh.json', import.meta.url);

interface ItemZh extends DraftItemZh {
  id: string;
  currency: 'CNY';
  url: string;
  popularity: number;
  available: boolean;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function generateDrafts(rng: Rng): DraftItemZh[] {
  const usedTitles = new Set<string>();
  const drafts: DraftItemZh[] = [];
  for (const category of CATEGORIES_ZH) {
    const total = intBetween(rng, ITEMS_PER_CATEGORY.min, ITEMS_PER_CATEGORY.max);
    const subs = category.subcategories;
    subs.forEach((sub, index) => {
      const count = Math.floor(total / subs.length) + (index < total % subs.length ? 1 : 0);
      for (let i = 0; i < count; i++) drafts.push(draftItemZh(rng, category, sub, usedTitles));
    });
  }
  return drafts;
}

function finalise(rng: Rng, drafts: readonly DraftItemZh[]): ItemZh[] {
  const indices = drafts.map((_, index) => index);
  const popularity = new Map<number, number>();
  // Zipf over a random permutation: rank 1 scores exactly 1, the rest fall off as a power law.
  shuffle(rng, indices).forEach((itemIndex, rank) => {
    popularity.set(itemIndex, round((rank + 1) ** -ZIPF_EXPONENT, 3));
  });
  const unavailable = new Set(
    shuffle(rng, indices).slice(0, Math.round(drafts.length * UNAVAILABLE_SHARE)),
  );
  return drafts.map((draft, index) => {
    const id = `zh-${String(index + 1).padStart(4, '0')}`;
    return {
      id,
      ...draft,
      currency: 'CNY',
      url: `#/item/${id}`,
      popularity: popularity.get(index) ?? 0,
      available: !unavailable.has(index),
    };
  });
}

/** Each campaign features the most popular available items of its subcategories. */
function campaigns(items: readonly ItemZh[]) {
  return CAMPAIGNS_ZH.map(({ subcategories, ...campaign }) => {
    const featured = items
      .filter((item) => item.available && subcategories.includes(item.category))
      .sort((a, b) => b.popularity - a.popularity)
      .slice(0, ITEMS_PER_CAMPAIGN);
    if (featured.length === 0) throw new Error(`Campaign ${campaign.id} has no items.`);
    const { id, title, text, audience, starts, ends } = campaign;
    return { id, title, text, audience, itemIds: featured.map((item) => item.id), starts, ends };
  });
}

/** One item per line keeps git diffs readable and the file far smaller than indented JSON. */
function serialise(items: readonly ItemZh[]): string {
  const header = JSON.stringify(CATALOGUE_HEADER).slice(0, -1);
  const body = items.map((item) => JSON.stringify(item)).join(',\n');
  const promotions = campaigns(items)
    .map((campaign) => JSON.stringify(campaign))
    .join(',\n');
  return `${header},"items":[\n${body}\n],"campaigns":[\n${promotions}\n]}\n`;
}

function main(): void {
  if (CATEGORIES_ZH.length < MIN_CATEGORIES) throw new Error('Too few categories.');
  const rng = mulberry32(SEED);
  const items = finalise(rng, generateDrafts(rng));
  if (items.length < MIN_ITEMS) throw new Error(`Only ${items.length} items were generated.`);
  const json = serialise(items);
  mkdirSync(new URL('.', OUTPUT_URL), { recursive: true });
  writeFileSync(OUTPUT_URL, json);
  const categories = new Set(items.map((item) => item.category.split(' > ')[0]));
  console.log(
    `Wrote public/catalogue-zh.json: ${items.length} items, ${categories.size} categories, ` +
      `${CAMPAIGNS_ZH.length} campaigns, ${(Buffer.byteLength(json) / 1024).toFixed(1)} KiB.`,
  );
  for (const item of items.filter((_, index) => index % 60 === 0)) {
    console.log(`  e.g. ${item.id} ${item.title}（${item.category}，¥${item.price}）`);
  }
}

main();
