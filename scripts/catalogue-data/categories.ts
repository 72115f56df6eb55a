import { BABY, BEAUTY } from './baby-beauty';
import { BOARD_GAMES } from './board-games';
import { GARDENING, PETS } from './garden-pets';
import { COFFEE_AND_TEA, KITCHEN } from './kitchen-coffee';
import { AUDIO, MUSICAL_INSTRUMENTS } from './music-audio';
import { BOOKS, HOME_OFFICE } from './office-books';
import { CYCLING, OUTDOOR_AND_CAMPING } from './outdoor-cycling';
import { PHOTOGRAPHY, TOOLS_AND_DIY } from './photo-tools';
import { FITNESS, RUNNING } from './running-fitness';
import { TOYS_AND_GAMES } from './toys-games';
import type { CategorySpec } from './types';

/** Every top-level category of the demo shop, in catalogue order. */
export const CATEGORIES: readonly CategorySpec[] = [
  KITCHEN,
  COFFEE_AND_TEA,
  HOME_OFFICE,
  BOOKS,
  OUTDOOR_AND_CAMPING,
  CYCLING,
  RUNNING,
  FITNESS,
  MUSICAL_INSTRUMENTS,
  AUDIO,
  PHOTOGRAPHY,
  TOOLS_AND_DIY,
  GARDENING,
  PETS,
  TOYS_AND_GAMES,
  BOARD_GAMES,
  BABY,
  BEAUTY,
];
