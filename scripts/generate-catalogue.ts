/**
 * Generates the demo shop's catalogue, public/catalogue.json, from the hand-written vocabularies in
 * scripts/catalogue-data/. A fixed-seed PRNG makes every run produce a byte-identical file.
 *
 * Run with `npm run catalogue:demo`.
 */
import { drawImage } from './catalogue-data/draw-image';
import { mkdirSync, writeFileSync } from 'node:fs';

import { ADDITIONS } from './catalogue-data/additions';
import { CAMPAIGNS } from './catalogue-data/campaigns';
import { CATEGORIES } from './catalogue-data/categories';
import {
  intBetween,
  mulberry32,
  pick,
  pickIndex,
  shuffle,
  type Rng,
} from './catalogue-data/random';
import {
  capitalise,
  canFill,
  fill,
  fixArticles,
  titleCase,
  type Slots,
} from './catalogue-data/text';
import type { CategorySpec, SubcategorySpec } from './catalogue-data/types';

const CATALOGUE_HEADER = {
  schema: 'private-recs/catalogue@1',
  id: 'demo-shop',
  version: '2026-11-22',
  language: 'en',
  name: 'Harbour & Field',
} as const;
const CURRENCY = 'EUR';
const SEED = 0x20261122;
const ITEMS_PER_CATEGORY = { min: 62, max: 72 } as const;
const MIN_CATEGORIES = 16;
const MIN_ITEMS = 1_100;
// Below 1 the tail stays long: plenty of moderately popular items rather than a few hits.
const ZIPF_EXPONENT = 0.75;
const UNAVAILABLE_SHARE = 0.03;
const TITLE_ATTEMPTS = 8;
const ITEMS_PER_CAMPAIGN = 6;
const NEW_ITEM_RANKS = 50;
const OUTPUT_URL = new URL('../public/catalogue.json', import.meta.url);

const DEFAULT_TITLE_PATTERNS = [
  '{brand} {quality} {noun}',
  '{brand} {material} {noun}',
  '{brand} {quality} {material} {noun}',
];

interface CatalogueItem {
  id: string;
  title: string;
  brand: string;
  description: string;
  category: string;
  tags: string[];
  price: number;
  currency: string;
  url: string;
  popularity: number;
  available: boolean;
}

type DraftItem = Pick<
  CatalogueItem,
  'title' | 'brand' | 'description' | 'category' | 'tags' | 'price'
>;

interface Attributes {
  nounIndex: number;
  slots: Slots;
  size: string | undefined;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function pickTemplate(rng: Rng, templates: readonly string[], slots: Slots): string {
  return pick(
    rng,
    templates.filter((template) => canFill(template, slots)),
  );
}

function rollAttributes(
  rng: Rng,
  category: CategorySpec,
  sub: SubcategorySpec,
  name: string | undefined,
): Attributes {
  const nounIndex = pickIndex(rng, sub.nouns.length);
  const colours = sub.colours ?? category.colours ?? [];
  const slots: Slots = {
    brand: pick(rng, sub.brands ?? category.brands),
    noun: sub.nouns[nounIndex],
    quality: pick(rng, sub.qualities),
    material: pick(rng, sub.materials),
    colour: colours.length > 0 ? pick(rng, colours) : undefined,
    name,
  };
  const size = sub.sizes && rng() < 0.6 ? pick(rng, sub.sizes) : undefined;
  return { nounIndex, slots, size };
}

function composeTitle(rng: Rng, sub: SubcategorySpec, attributes: Attributes): string {
  const pattern = pickTemplate(rng, sub.titlePatterns ?? DEFAULT_TITLE_PATTERNS, attributes.slots);
  const title = titleCase(fill(pattern, attributes.slots));
  return attributes.size === undefined ? title : `${title}, ${attributes.size}`;
}

function modelNumber(rng: Rng): string {
  const letters = 'BCDFGHKLMNPRSTVXZ'.split('');
  return `${pick(rng, letters)}${pick(rng, letters)}-${intBetween(rng, 100, 999)}`;
}

/** Nouns are listed cheapest first, so each noun prices within its own slice of the range. */
function priceFor(rng: Rng, sub: SubcategorySpec, nounIndex: number): number {
  const [min, max] = sub.price;
  const ratio = max / min;
  const slice = 1 / sub.nouns.length;
  const raw = min * ratio ** ((nounIndex + rng()) * slice);
  if (raw >= 100) return round(Math.round(raw / 10) * 10 - 1 + pick(rng, [0, 0.9, 0.99]), 2);
  return round(Math.max(1, Math.floor(raw)) + pick(rng, [0.5, 0.9, 0.99]), 2);
}

function tagsFor(rng: Rng, sub: SubcategorySpec, slots: Slots, use: string): string[] {
  const tags = new Set<string>();
  // The noun names what the product is; the subcategory's tags are broader and sampled.
  if (sub.nounIsProductType !== false && slots.noun !== undefined) {
    tags.add(slots.noun.toLowerCase());
  }
  for (const tag of shuffle(rng, sub.tags).slice(0, intBetween(rng, 1, 2))) tags.add(tag);
  if (slots.material !== undefined) tags.add(slots.material.toLowerCase());
  if (slots.colour !== undefined && rng() < 0.5) tags.add(slots.colour.toLowerCase());
  if (rng() < 0.5) tags.add(use.toLowerCase());
  for (const tag of sub.tags) {
    if (tags.size >= 3) break;
    tags.add(tag);
  }
  return [...tags].slice(0, 6);
}

function describe(
  rng: Rng,
  category: CategorySpec,
  sub: SubcategorySpec,
  slots: Slots,
  uses: readonly string[],
): string {
  const roll = rng();
  const sentenceCount = roll < 0.15 ? 1 : roll < 0.55 ? 2 : 3;
  const pools = [
    sub.openers ?? category.openers,
    sub.details ?? category.details,
    sub.closers ?? category.closers,
  ].slice(0, sentenceCount);
  const sentences = pools.map((pool, index) => {
    // A different use per sentence, so one description never repeats the same phrase.
    const sentenceSlots = { ...slots, use: uses[index % uses.length] };
    return capitalise(fill(pickTemplate(rng, pool, sentenceSlots), sentenceSlots));
  });
  return fixArticles(sentences.join(' '));
}

function draftItem(
  rng: Rng,
  category: CategorySpec,
  sub: SubcategorySpec,
  name: string | undefined,
  usedTitles: Set<string>,
): DraftItem {
  let attributes = rollAttributes(rng, category, sub, name);
  let title = composeTitle(rng, sub, attributes);
  for (let attempt = 1; attempt < TITLE_ATTEMPTS && usedTitles.has(title); attempt++) {
    attributes = rollAttributes(rng, category, sub, name);
    title = composeTitle(rng, sub, attributes);
  }
  const baseTitle = title;
  while (usedTitles.has(title)) title = `${baseTitle} (Model ${modelNumber(rng)})`;
  usedTitles.add(title);

  const uses = shuffle(rng, sub.uses ?? category.uses);
  const slots: Slots = { ...attributes.slots, title, feature: pick(rng, sub.features) };
  return {
    title,
    brand: attributes.slots.brand ?? '',
    description: describe(rng, category, sub, slots, uses),
    category: `${category.name} > ${sub.name}`,
    tags: tagsFor(rng, sub, slots, pick(rng, uses)),
    price: priceFor(rng, sub, attributes.nounIndex),
  };
}

function generateDrafts(rng: Rng): DraftItem[] {
  const usedTitles = new Set<string>();
  const drafts: DraftItem[] = [];
  for (const category of CATEGORIES) {
    const total = intBetween(rng, ITEMS_PER_CATEGORY.min, ITEMS_PER_CATEGORY.max);
    const subs = category.subcategories;
    subs.forEach((sub, index) => {
      const count = Math.floor(total / subs.length) + (index < total % subs.length ? 1 : 0);
      // Each named product (a game, a puzzle) gets a name of its own: shared names would confuse.
      const names = sub.names ? shuffle(rng, sub.names) : [];
      if (sub.names && names.length < count) {
        throw new Error(
          `${category.name} > ${sub.name} needs ${count} names, has ${names.length}.`,
        );
      }
      for (let i = 0; i < count; i++) {
        drafts.push(draftItem(rng, category, sub, names[i], usedTitles));
      }
    });
  }
  return drafts;
}

function finalise(rng: Rng, drafts: readonly DraftItem[]): CatalogueItem[] {
  const indices = drafts.map((_, index) => index);
  const popularity = new Map<number, number>();
  // Zipf over a random permutation: rank 1 scores exactly 1, the rest fall off as a power law.
  shuffle(rng, indices).forEach((itemIndex, rank) => {
    popularity.set(itemIndex, round((rank + 1) ** -ZIPF_EXPONENT, 3));
  });
  const unavailableCount = Math.round(drafts.length * UNAVAILABLE_SHARE);
  const unavailable = new Set(shuffle(rng, indices).slice(0, unavailableCount));
  return drafts.map((draft, index) => {
    const id = `sku-${String(index + 1).padStart(4, '0')}`;
    return {
      id,
      title: draft.title,
      brand: draft.brand,
      description: draft.description,
      category: draft.category,
      tags: draft.tags,
      price: draft.price,
      currency: CURRENCY,
      url: `#/item/${id}`,
      popularity: popularity.get(index) ?? 0,
      available: !unavailable.has(index),
    };
  });
}

/**
 * Items of the subcategories added later (catalogue-data/additions.ts), each from its own stream,
 * after the first release's items: popularity on the same power law (never a top seller), all
 * available.
 */
function additions(first: readonly CatalogueItem[]): CatalogueItem[] {
  const usedTitles = new Set(first.map((item) => item.title));
  const out: CatalogueItem[] = [];
  for (const { category, sub, count, seed } of ADDITIONS) {
    const rng = mulberry32(seed);
    for (let i = 0; i < count; i++) {
      const draft = draftItem(rng, category, sub, undefined, usedTitles);
      const id = `sku-${String(first.length + out.length + 1).padStart(4, '0')}`;
      // New products start outside the shop's best sellers.
      const rank = intBetween(rng, NEW_ITEM_RANKS, first.length);
      out.push({
        id,
        ...draft,
        currency: CURRENCY,
        url: `#/item/${id}`,
        popularity: round(rank ** -ZIPF_EXPONENT, 3),
        available: true,
      });
    }
  }
  return out;
}

function validateSpecs(categories: readonly CategorySpec[]): void {
  if (categories.length < MIN_CATEGORIES) {
    throw new Error(`Expected at least ${MIN_CATEGORIES} categories, got ${categories.length}.`);
  }
  for (const category of categories) {
    const subCount = category.subcategories.length;
    if (subCount < 3 || subCount > 5) {
      throw new Error(`${category.name} has ${subCount} subcategories; expected 3 to 5.`);
    }
    for (const sub of category.subcategories) {
      const [min, max] = sub.price;
      const lists = [sub.nouns, sub.qualities, sub.materials, sub.features];
      if (
        lists.some((list) => list.length === 0) ||
        sub.tags.length < 3 ||
        !(0 < min && min < max)
      ) {
        throw new Error(`${category.name} > ${sub.name} has an empty list or a bad price range.`);
      }
    }
  }
}

/** Each campaign features the most popular available items of its subcategories. */
function campaigns(items: readonly CatalogueItem[]) {
  return CAMPAIGNS.map(({ subcategories, ...campaign }) => {
    if (subcategories.some((name) => !items.some((item) => item.category === name))) {
      throw new Error(`Campaign ${campaign.id} names a subcategory the shop lacks.`);
    }
    const featured = items
      .filter((item) => item.available && subcategories.includes(item.category))
      .sort((a, b) => b.popularity - a.popularity)
      .slice(0, ITEMS_PER_CAMPAIGN);
    return { ...campaign, itemIds: featured.map((item) => item.id) };
  });
}

/** One item per line keeps git diffs readable and the file far smaller than indented JSON. */
function serialise(items: readonly CatalogueItem[]): string {
  const header = JSON.stringify(CATALOGUE_HEADER).slice(0, -1);
  const body = items.map((item) => JSON.stringify(item)).join(',\n');
  const promotions = campaigns(items)
    .map((campaign) => JSON.stringify(campaign))
    .join(',\n');
  return `${header},"items":[\n${body}\n],"campaigns":[\n${promotions}\n]}\n`;
}

function printSummary(items: readonly CatalogueItem[], bytes: number): void {
  const counts = new Map<string, number>();
  for (const item of items) {
    const top = item.category.split(' > ')[0] ?? item.category;
    counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  const unavailable = items.filter((item) => !item.available).length;
  console.log(
    `Wrote public/catalogue.json: ${items.length} items, ${counts.size} categories, ` +
      `${unavailable} unavailable, ${(bytes / 1024).toFixed(1)} KiB.`,
  );
  for (const [name, count] of counts) console.log(`  ${name.padEnd(22)} ${count}`);
  for (const item of items.filter((_, index) => index % 400 === 0)) {
    console.log(
      `  e.g. ${item.id} ${item.title} (${item.category}, ${item.price} ${item.currency})`,
    );
  }
}

function main(): void {
  validateSpecs(CATEGORIES);
  const rng = mulberry32(SEED);
  const first = finalise(rng, generateDrafts(rng));
  // Pictures are drawn from each item's category and id: adding them changed no other field.
  const items = [...first, ...additions(first)].map((item) => ({
    ...item,
    image: drawImage(item.id, item.category),
  }));
  if (items.length < MIN_ITEMS) throw new Error(`Only ${items.length} items were generated.`);
  const json = serialise(items);
  mkdirSync(new URL('.', OUTPUT_URL), { recursive: true });
  writeFileSync(OUTPUT_URL, json);
  printSummary(items, Buffer.byteLength(json));
}

main();
