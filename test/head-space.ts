import type { CatalogueItem } from '../src/shared/catalogue/schema';
import type { Interaction } from '../src/shared/interactions/types';
import { normalize, type ItemMatrix } from '../src/shared/ranking/matrix';
import { seededRandom } from '../src/shared/random';

/**
 * A small item space for head tests: 40 items in 4 categories, each vector its category's axis
 * plus noise, and a visitor who likes items of the first two categories in time order.
 */
export function testSpace(dims = 8) {
  const random = seededRandom(3);
  const items: CatalogueItem[] = [];
  const data = new Float32Array(40 * dims);
  for (let i = 0; i < 40; i++) {
    const c = i % 4;
    items.push({ id: `i${i}`, title: `item ${i}`, category: `c${c}`, popularity: 40 - i });
    const v = data.subarray(i * dims, (i + 1) * dims);
    for (let d = 0; d < dims; d++) v[d] = (random() - 0.5) * 0.4;
    v[c] = (v[c] ?? 0) + 1;
    normalize(v);
  }
  const matrix: ItemMatrix = { rows: items.length, dims, data };
  const prior = Float32Array.from(items, (_, i) => 1 - i / 40);
  return { items, matrix, prior, indexOf: new Map(items.map((item, i) => [item.id, i])) };
}

/** `count` likes of items in categories 0 and 1, a day apart. */
export function likes(count: number, from = Date.UTC(2026, 0, 1)): Interaction[] {
  return Array.from({ length: count }, (_, n) => ({
    type: 'like' as const,
    itemId: `i${(n * 4 + (n % 2)) % 40}`,
    ts: from + n * 86_400_000,
  }));
}
