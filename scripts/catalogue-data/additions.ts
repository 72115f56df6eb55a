import { COFFEE_AND_TEA } from './kitchen-coffee';
import type { CategorySpec, SubcategorySpec } from './types';

/**
 * A subcategory added after the first release, and how many items it gets. Its items draw from
 * a random stream of their own and are appended with new ids, so every earlier item keeps its
 * id and text: a returning visitor's history, kept by item id, still means what it meant.
 */
export interface Addition {
  readonly category: CategorySpec;
  readonly sub: SubcategorySpec;
  readonly count: number;
  readonly seed: number;
}

/** Grinders, which the search box's own example ("quiet coffee grinder") asks for. */
const COFFEE_GRINDERS: SubcategorySpec = {
  name: 'Coffee Grinders',
  uses: [
    'the daily espresso',
    'pour-over rituals',
    'slow weekend mornings',
    'office coffee breaks',
  ],
  brands: ['Kettlebrook', 'Roastery Nine'],
  colours: ['charcoal', 'oat', 'ocean blue', 'matte black'],
  nouns: [
    'blade grinder',
    'hand grinder',
    'travel hand grinder',
    'burr grinder',
    'conical burr grinder',
    'espresso grinder',
  ],
  qualities: ['quiet', 'low-noise', 'stepless', 'compact', 'precision', 'barista-grade'],
  materials: ['stainless steel', 'ceramic', 'cast aluminium', 'walnut wood'],
  features: [
    'a slow-turning motor that grinds quietly before the house is awake',
    'forty grind settings, from fine espresso to coarse French press',
    'burrs that grind evenly without heating the beans',
    'an anti-static catch cup that empties cleanly',
  ],
  tags: ['coffee grinder', 'grinding', 'fresh ground', 'home barista', 'coffee gear'],
  price: [19, 399],
};

export const ADDITIONS: readonly Addition[] = [
  { category: COFFEE_AND_TEA, sub: COFFEE_GRINDERS, count: 12, seed: 0x20261207 },
];
