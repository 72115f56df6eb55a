/**
 * Converts Amazon Review Data (2018) for one category (a 5-core review file and its metadata,
 * both gzipped JSON Lines) into the catalogue and interaction-log contracts. Reviews of 4 stars
 * and more become likes, lower ones dislikes; item text is the cleaned title, the description
 * and the category path. The catalogue holds the reviewed items.
 *
 *   npm run data:amazon -- ../shared/data/amazon-2018-magazine-subscriptions [--out data/amazon]
 *
 * Run from the repository root: `../shared/data` is a folder `shared/data` beside the clone
 * (see docs/evaluation.md, "Reproduce"); any other path to the dataset works too.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CATALOGUE_SCHEMA, type CatalogueItem } from '../src/shared/catalogue/schema';
import { ratingEvent, type LogEvent } from '../src/shared/eval/log';
import { parseArgs } from './lib/args';
import { writeDataset } from './lib/dataset-files';
import { plainText } from './lib/plain-text';

interface Review {
  reviewerID?: string;
  asin?: string;
  overall?: number;
  unixReviewTime?: number;
}

interface Meta {
  asin?: string;
  title?: string;
  description?: string[];
  category?: string[];
}

async function readJsonLines<T>(path: string): Promise<T[]> {
  const text = gunzipSync(await readFile(path)).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** An item from its metadata: the title when it is real text, else the description's start. */
function toItem(asin: string, meta: Meta | undefined, reviews: number): CatalogueItem {
  const description = plainText((meta?.description ?? []).join(' ')).slice(0, 2_000);
  const path = (meta?.category ?? []).map(plainText).filter(Boolean);
  const title = plainText(meta?.title ?? '');
  const leaf = path.at(-1);
  const fallback = description.split(/(?<=[.!?])\s/)[0]?.slice(0, 120) || leaf || asin;
  return {
    id: asin,
    title: title.length >= 3 ? title.slice(0, 200) : fallback,
    ...(description ? { description } : {}),
    // The first level is the department (the same for every item): the category starts below it.
    ...(path.length > 1 ? { category: path.slice(1).join(' > ') } : {}),
    ...(path.length > 1 ? { tags: path.slice(1).map((p) => p.toLowerCase()) } : {}),
    popularity: reviews,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['out']);
  const dir = args.positional[0];
  if (!dir) throw new Error('Usage: npm run data:amazon -- <dataset dir> [--out dir]');
  const files = await readdir(dir);
  const reviewFile = files.find((f) => f.endsWith('_5.json.gz'));
  const metaFile = files.find((f) => f.startsWith('meta_') && f.endsWith('.json.gz'));
  if (!reviewFile || !metaFile) throw new Error(`${dir} needs a *_5.json.gz and a meta_*.json.gz`);
  const reviews = await readJsonLines<Review>(join(dir, reviewFile));
  const meta = new Map<string, Meta>();
  for (const entry of await readJsonLines<Meta>(join(dir, metaFile))) {
    // The release repeats some items; the first entry wins.
    if (entry.asin && !meta.has(entry.asin)) meta.set(entry.asin, entry);
  }
  const counts = new Map<string, number>();
  const events: LogEvent[] = [];
  for (const review of reviews) {
    if (!review.reviewerID || !review.asin || review.overall === undefined) continue;
    counts.set(review.asin, (counts.get(review.asin) ?? 0) + 1);
    events.push({
      user: review.reviewerID,
      item: review.asin,
      type: ratingEvent(review.overall),
      ts: (review.unixReviewTime ?? 0) * 1000,
    });
  }
  const items = [...counts].map(([asin, n]) => toItem(asin, meta.get(asin), n));
  await writeDataset(
    args.options.get('out') ?? 'data/amazon',
    {
      schema: CATALOGUE_SCHEMA,
      id: `amazon-2018-${reviewFile.replace('_5.json.gz', '').toLowerCase()}`,
      version: '2018',
      language: 'en',
      items,
    },
    events,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
