import { isWellFormed } from '../ids';
import { CATALOGUE_LIMITS, type CatalogueItem } from './schema';

const TEXT_FIELDS = [
  ['description', CATALOGUE_LIMITS.descriptionLength],
  ['category', CATALOGUE_LIMITS.titleLength],
  ['brand', CATALOGUE_LIMITS.titleLength],
] as const;
const AFTER_TAGS = [
  ['price', 'amount'],
  ['currency', 10],
  ['image', CATALOGUE_LIMITS.urlLength],
  ['url', CATALOGUE_LIMITS.urlLength],
  ['popularity', 'amount'],
  ['available', 'boolean'],
] as const;

/**
 * The item as the catalogue schema would return it, when it plainly meets the schema; else
 * null, and the schema itself decides (and words the problems). A shortcut for the common case
 * of a valid item, several times faster than zod at a million items: it accepts nothing the
 * schema refuses and returns the same object (known fields only, in the schema's order).
 */
export function plainlyValidItem(value: unknown): CatalogueItem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const input = value as Record<string, unknown>;
  const { id, title } = input;
  if (!text(id, CATALOGUE_LIMITS.idLength) || !isWellFormed(id)) return null;
  if (!text(title, CATALOGUE_LIMITS.titleLength)) return null;
  const out: Record<string, unknown> = { id, title };
  for (const [key, max] of TEXT_FIELDS) {
    if (!(key in input)) continue;
    if (!text(input[key], max, 0)) return null;
    out[key] = input[key];
  }
  if ('tags' in input) {
    const tags = input.tags;
    if (!Array.isArray(tags) || tags.length > CATALOGUE_LIMITS.tags) return null;
    for (const tag of tags) if (!text(tag, CATALOGUE_LIMITS.titleLength, 0)) return null;
    out.tags = tags.slice();
  }
  for (const [key, kind] of AFTER_TAGS) {
    if (!(key in input)) continue;
    const field = input[key];
    if (kind === 'amount') {
      if (typeof field !== 'number' || !Number.isFinite(field) || field < 0) return null;
    } else if (kind === 'boolean') {
      if (typeof field !== 'boolean') return null;
    } else if (!text(field, kind, 0)) return null;
    out[key] = field;
  }
  return out as CatalogueItem;
}

function text(value: unknown, max: number, min = 1): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}
