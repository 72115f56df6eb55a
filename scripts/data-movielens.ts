/**
 * Converts MovieLens (ml-latest-small layout: movies.csv, ratings.csv, tags.csv) into the
 * catalogue and interaction-log contracts. Ratings of 4 stars and more become likes, lower ones
 * dislikes; item text is the title with year, the genres and the users' most frequent tags.
 *
 *   npm run data:movielens -- ../shared/data/movielens-ml-latest-small [--out data/movielens]
 *
 * Run from the repository root: `../shared/data` is a folder `shared/data` beside the clone
 * (see docs/evaluation.md, "Reproduce"); any other path to the dataset works too.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CATALOGUE_SCHEMA, type CatalogueItem } from '../src/shared/catalogue/schema';
import { ratingEvent, type LogEvent } from '../src/shared/eval/log';
import { parseArgs } from './lib/args';
import { writeDataset } from './lib/dataset-files';

const MAX_TAGS = 12;

async function readCsv(dir: string, name: string): Promise<Record<string, string>[]> {
  const text = await readFile(join(dir, name), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true });
}

/** The most frequent tags of each movie, case-folded, most frequent first. */
function tagsByMovie(rows: readonly Record<string, string>[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const tag = (row.tag ?? '').trim().toLowerCase();
    if (!tag || !row.movieId) continue;
    const movie = counts.get(row.movieId) ?? new Map<string, number>();
    movie.set(tag, (movie.get(tag) ?? 0) + 1);
    counts.set(row.movieId, movie);
  }
  const out = new Map<string, string[]>();
  for (const [movie, tags] of counts) {
    const sorted = [...tags].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    out.set(
      movie,
      sorted.slice(0, MAX_TAGS).map(([tag]) => tag),
    );
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['out']);
  const dir = args.positional[0];
  if (!dir) throw new Error('Usage: npm run data:movielens -- <ml-latest-small dir> [--out dir]');
  const [movies, ratings, tagRows] = await Promise.all([
    readCsv(dir, 'movies.csv'),
    readCsv(dir, 'ratings.csv'),
    readCsv(dir, 'tags.csv'),
  ]);
  const tags = tagsByMovie(tagRows);
  const counts = new Map<string, number>();
  const events: LogEvent[] = ratings.map((row) => {
    const item = `ml-${row.movieId}`;
    counts.set(item, (counts.get(item) ?? 0) + 1);
    return {
      user: `u${row.userId}`,
      item,
      type: ratingEvent(Number(row.rating)),
      ts: Number(row.timestamp) * 1000,
    };
  });
  const items: CatalogueItem[] = movies.map((row) => {
    const id = `ml-${row.movieId}`;
    const genres = (row.genres ?? '').split('|').filter((g) => g && g !== '(no genres listed)');
    const movieTags = tags.get(row.movieId ?? '') ?? [];
    return {
      id,
      title: row.title || id,
      description: [
        genres.length > 0 ? `Genres: ${genres.join(', ')}.` : '',
        movieTags.length > 0 ? `Tagged: ${movieTags.join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      ...(genres[0] ? { category: genres[0] } : {}),
      tags: [...new Set([...genres.map((g) => g.toLowerCase()), ...movieTags])],
      popularity: counts.get(id) ?? 0,
    };
  });
  await writeDataset(
    args.options.get('out') ?? 'data/movielens',
    {
      schema: CATALOGUE_SCHEMA,
      id: 'movielens-latest-small',
      version: '2018-09',
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
