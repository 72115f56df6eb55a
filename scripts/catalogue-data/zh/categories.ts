import { BABY, BEAUTY, PETS, TOYS } from './family';
import { DIGITAL, HOME, OFFICE } from './home-digital';
import { COFFEE_AND_TEA, KITCHEN } from './kitchen-coffee';
import { FITNESS, GARDEN, OUTDOOR } from './outdoor-fitness';
import type { CategorySpecZh } from './types';

/** Every top-level category of the Chinese demo shop, in catalogue order. */
export const CATEGORIES_ZH: readonly CategorySpecZh[] = [
  KITCHEN,
  COFFEE_AND_TEA,
  HOME,
  OFFICE,
  DIGITAL,
  OUTDOOR,
  FITNESS,
  GARDEN,
  BABY,
  BEAUTY,
  PETS,
  TOYS,
];
