import { canFill, fill, type Slots } from '../text';
import { intBetween, pick, pickIndex, shuffle, type Rng } from '../random';
import type { CategorySpecZh, FeatureZh, SubcategorySpecZh } from './types';

export interface DraftItemZh {
  title: string;
  description: string;
  category: string;
  tags: string[];
  price: number;
}

const DEFAULT_TITLE_PATTERNS = ['{brand} {quality}{material}{noun}', '{brand} {quality}{noun}'];
const TITLE_ATTEMPTS = 12;

function pickTemplate(rng: Rng, templates: readonly string[], slots: Slots): string {
  return pick(
    rng,
    templates.filter((template) => canFill(template, slots)),
  );
}

function rollSlots(rng: Rng, category: CategorySpecZh, sub: SubcategorySpecZh) {
  const nounIndex = pickIndex(rng, sub.nouns.length);
  const slots: Slots = {
    brand: pick(rng, sub.brands ?? category.brands),
    noun: sub.nouns[nounIndex],
    quality: pick(rng, sub.qualities),
    material: sub.materials.length > 0 ? pick(rng, sub.materials) : undefined,
  };
  const pattern = pickTemplate(rng, sub.titlePatterns ?? DEFAULT_TITLE_PATTERNS, slots);
  const size = sub.sizes && rng() < 0.6 ? pick(rng, sub.sizes) : undefined;
  const title = fill(pattern, slots) + (size === undefined ? '' : ` ${size}`);
  return { nounIndex, slots, title };
}

/** Nouns are listed cheapest first; Chinese shops price in whole yuan, often ending in 9. */
function priceFor(rng: Rng, sub: SubcategorySpecZh, nounIndex: number): number {
  const [min, max] = sub.price;
  const slice = 1 / sub.nouns.length;
  const raw = min * (max / min) ** ((nounIndex + rng()) * slice);
  if (raw >= 100) return Math.round(raw / 10) * 10 - 1;
  return Math.max(1, Math.round(raw)) + pick(rng, [0, 0.9]);
}

function describe(rng: Rng, category: CategorySpecZh, sub: SubcategorySpecZh, slots: Slots) {
  const roll = rng();
  const sentenceCount = roll < 0.15 ? 1 : roll < 0.55 ? 2 : 3;
  const uses = shuffle(rng, sub.uses ?? category.uses);
  const pools = [category.openers, category.details, category.closers].slice(0, sentenceCount);
  // A different use per sentence, so one description never repeats the same phrase.
  return pools
    .map((pool, index) => {
      const sentenceSlots = { ...slots, use: uses[index % uses.length] };
      return fill(pickTemplate(rng, pool, sentenceSlots), sentenceSlots);
    })
    .join('');
}

function tagsFor(rng: Rng, sub: SubcategorySpecZh, slots: Slots): string[] {
  const tags = new Set<string>();
  if (slots.noun !== undefined) tags.add(slots.noun);
  for (const tag of shuffle(rng, sub.tags).slice(0, intBetween(rng, 1, 3))) tags.add(tag);
  if (slots.material !== undefined && rng() < 0.5) tags.add(slots.material);
  return [...tags];
}

/** The features that can be said of this noun: the general ones and those tied to it. */
function featuresOf(sub: SubcategorySpecZh, noun: string | undefined): string[] {
  const fits = (feature: FeatureZh) =>
    typeof feature === 'string' || (noun !== undefined && feature.nouns.includes(noun));
  const texts = sub.features.filter(fits).map((f) => (typeof f === 'string' ? f : f.text));
  if (texts.length === 0) throw new Error(`${sub.name} has no feature for ${noun ?? '?'}.`);
  return texts;
}

/** One item of a subcategory with a title not used before (a model number as a last resort). */
export function draftItemZh(
  rng: Rng,
  category: CategorySpecZh,
  sub: SubcategorySpecZh,
  usedTitles: Set<string>,
): DraftItemZh {
  let rolled = rollSlots(rng, category, sub);
  for (let attempt = 1; attempt < TITLE_ATTEMPTS && usedTitles.has(rolled.title); attempt++) {
    rolled = rollSlots(rng, category, sub);
  }
  let title = rolled.title;
  while (usedTitles.has(title)) title = `${rolled.title} ${intBetween(rng, 2, 9)}代`;
  usedTitles.add(title);
  const slots: Slots = { ...rolled.slots, feature: pick(rng, featuresOf(sub, rolled.slots.noun)) };
  return {
    title,
    description: describe(rng, category, sub, slots),
    category: `${category.name} > ${sub.name}`,
    tags: tagsFor(rng, sub, slots),
    price: priceFor(rng, sub, rolled.nounIndex),
  };
}
