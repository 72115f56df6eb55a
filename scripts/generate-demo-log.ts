/**
 * A synthetic aggregate interaction log for the demo shop, so that the demo catalogue can ship
 * what a real shop builds from its own log (`npm run catalogue:build`: popularity, collaborative
 * vectors and the global model the device's head starts from). No real person's behaviour is in
 * it: simulated shoppers, each with a few interests, browse, like and buy.
 *
 * How a shopper is made (fixed seed, so every run writes the same file):
 * - one or two departments (the first part of the category path), drawn by their size;
 * - in each, one to three favourite subcategories and a favourite brand;
 * - 4 to 40 picks: 65 % from a favourite subcategory (half of those of the favourite brand, when
 *   it has items there), 20 % from another subcategory of the same department (what goes with
 *   it), 15 % from anywhere in the shop; within each, items are drawn by the catalogue's
 *   popularity, so the log's best sellers are the catalogue's;
 * - each pick is a view, often after a click, sometimes followed by a like, a cart and a
 *   purchase; a pick from outside the shopper's interests is now and then disliked.
 *
 *   npm run catalogue:demo   (runs this after generating the catalogue, then catalogue:build)
 *   tsx scripts/generate-demo-log.ts [--catalogue public/catalogue.json] [--out data/demo/interactions.jsonl]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseCatalogue } from '../src/shared/catalogue/parse';
import type { CatalogueItem } from '../src/shared/catalogue/schema';
import type { LogEvent } from '../src/shared/eval/log';
import { parseArgs } from './lib/args';
import { intBetween, mulberry32, pick, type Rng } from './catalogue-data/random';

const SEED = 0x2026_1206;
const SHOPPERS = 2_000;
const PICKS = { min: 4, max: 40 } as const;
const SHARE = { favourite: 0.65, department: 0.2 } as const;
const BRAND_SHARE = 0.5;
/** 2026-10-01T00:00:00Z: the log spans the two months before the demo catalogue's version. */
const START = Date.UTC(2026, 9, 1);
const SPAN_MS = 60 * 24 * 3_600_000;

interface Pool {
  items: CatalogueItem[];
  /** Cumulative popularity weights, for drawing by popularity. */
  cumulative: number[];
}

function pool(items: CatalogueItem[]): Pool {
  let total = 0;
  const cumulative = items.map((item) => (total += Math.max(item.popularity ?? 0, 0.001)));
  return { items, cumulative };
}

function draw(rng: Rng, from: Pool): CatalogueItem {
  const total = from.cumulative[from.cumulative.length - 1] ?? 0;
  const target = rng() * total;
  let lo = 0;
  let hi = from.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((from.cumulative[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  const item = from.items[lo];
  if (!item) throw new Error('Cannot draw from an empty pool.');
  return item;
}

const department = (item: CatalogueItem) => (item.category ?? 'Other').split('>')[0]?.trim() ?? '';

function groupBy(items: CatalogueItem[], key: (item: CatalogueItem) => string) {
  const groups = new Map<string, CatalogueItem[]>();
  for (const item of items) {
    const name = key(item);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return groups;
}

interface Interest {
  department: Pool;
  favourites: Pool[];
  brand: Map<Pool, Pool>;
}

/** One shopper's interests: departments, favourite subcategories, a favourite brand. */
function shopper(
  rng: Rng,
  departments: Map<string, Map<string, CatalogueItem[]>>,
  sizes: Pool,
): Interest[] {
  const count = rng() < 0.6 ? 1 : 2;
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(department(draw(rng, sizes)));
  return [...chosen].map((name) => {
    const subcategories = [...(departments.get(name)?.values() ?? [])];
    const all = subcategories.flat();
    const brand = pick(rng, all).brand;
    const favourites = new Set<CatalogueItem[]>();
    const wanted = intBetween(rng, 1, Math.min(3, subcategories.length));
    while (favourites.size < wanted) favourites.add(pick(rng, subcategories));
    const pools = [...favourites].map(pool);
    const byBrand = new Map<Pool, Pool>();
    for (const favourite of pools) {
      const own = favourite.items.filter((item) => item.brand === brand);
      if (own.length > 0) byBrand.set(favourite, pool(own));
    }
    return { department: pool(all), favourites: pools, brand: byBrand };
  });
}

function events(rng: Rng, user: string, item: CatalogueItem, at: number, fits: boolean) {
  const out: LogEvent[] = [];
  let ts = at;
  const add = (type: LogEvent['type']) => {
    out.push({ user, item: item.id, type, ts });
    ts += intBetween(rng, 5_000, 120_000);
  };
  if (rng() < 0.6) add('click');
  add('view');
  if (!fits) {
    if (rng() < 0.1) add('dislike');
    return out;
  }
  if (rng() < 0.15) add('like');
  if (rng() < 0.2) {
    add('add_to_cart');
    if (rng() < 0.5) add('purchase');
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['catalogue', 'out']);
  const cataloguePath = args.options.get('catalogue') ?? 'public/catalogue.json';
  const out = args.options.get('out') ?? 'data/demo/interactions.jsonl';
  const catalogue = parseCatalogue(await readFile(cataloguePath, 'utf8'));
  const items = catalogue.items.filter((item) => item.available !== false);
  const departments = new Map<string, Map<string, CatalogueItem[]>>();
  for (const [name, members] of groupBy(items, department)) {
    departments.set(
      name,
      groupBy(members, (item) => item.category ?? name),
    );
  }
  const shop = pool(items);
  // Departments are drawn by their number of items: a uniform draw over items does that.
  const sizes = pool(items.map((item) => ({ ...item, popularity: 1 })));
  const rng = mulberry32(SEED);
  const lines: string[] = [];
  for (let u = 0; u < SHOPPERS; u++) {
    const user = `shopper-${String(u + 1).padStart(4, '0')}`;
    const interests = shopper(rng, departments, sizes);
    let at = START + Math.floor(rng() * SPAN_MS * 0.8);
    const picks = intBetween(rng, PICKS.min, PICKS.max);
    for (let p = 0; p < picks; p++) {
      const interest = pick(rng, interests);
      const roll = rng();
      let item: CatalogueItem;
      if (roll < SHARE.favourite) {
        const favourite = pick(rng, interest.favourites);
        const own = interest.brand.get(favourite);
        item = draw(rng, own && rng() < BRAND_SHARE ? own : favourite);
      } else if (roll < SHARE.favourite + SHARE.department) {
        item = draw(rng, interest.department);
      } else {
        item = draw(rng, shop);
      }
      const fits = roll < SHARE.favourite + SHARE.department;
      for (const event of events(rng, user, item, at, fits)) lines.push(JSON.stringify(event));
      at += intBetween(rng, 60_000, 36 * 3_600_000);
    }
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${lines.join('\n')}\n`);
  console.log(JSON.stringify({ log: out, shoppers: SHOPPERS, events: lines.length }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
