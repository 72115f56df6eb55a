import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { plainlyValidItem } from './fast-item';
import { catalogueItemSchema } from './schema';

const VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'Kettle',
  'a'.repeat(11),
  'b'.repeat(201),
  'c'.repeat(1001),
  'd'.repeat(4001),
  '\ud800',
  'café',
  0,
  -0,
  -1,
  3.5,
  Infinity,
  NaN,
  true,
  false,
  [],
  ['tag'],
  ['', 'x'],
  [1],
  Array.from({ length: 101 }, () => 't'),
  {},
  { nested: 1 },
];
const KEYS = [
  'id',
  'title',
  'description',
  'category',
  'brand',
  'tags',
  'price',
  'currency',
  'image',
  'url',
  'popularity',
  'available',
  'extra',
];

/** Items with each field absent or one of many values, valid ones among them. */
function items(count: number): Record<string, unknown>[] {
  const random = seededRandom(11);
  return Array.from({ length: count }, (_, i) => {
    const item: Record<string, unknown> = {};
    for (const key of KEYS.slice().sort(() => random() - 0.5)) {
      const r = random();
      if (key === 'id' && r < 0.8) item.id = `item-${i}`;
      else if (key === 'title' && r < 0.8) item.title = `Title ${i}`;
      else if (r < 0.5) item[key] = VALUES[Math.floor(random() * VALUES.length)];
    }
    return item;
  });
}

describe('plainlyValidItem', () => {
  it('accepts only what the schema accepts, returning the same object in the same key order', () => {
    let accepted = 0;
    for (const item of items(20_000)) {
      const fast = plainlyValidItem(item);
      if (fast === null) continue;
      accepted += 1;
      const result = catalogueItemSchema.safeParse(item);
      expect(result.success, JSON.stringify(item)).toBe(true);
      expect(fast).toEqual(result.data);
      expect(Object.keys(fast)).toEqual(Object.keys(result.data ?? {}));
    }
    expect(accepted).toBeGreaterThan(20);
  });

  it('takes the common valid item', () => {
    const item = { id: 'sku-1', title: 'Kettle', tags: ['enamel'], price: 19.9, available: true };
    expect(plainlyValidItem(item)).toEqual(catalogueItemSchema.parse(item));
    expect(plainlyValidItem({ ...item, tags: ['enamel'] })?.tags).not.toBe(item.tags);
  });
});
