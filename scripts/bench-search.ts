/**
 * Search index build and query times in Node (the worker runs the same code): the demo
 * catalogues and a generated 100,000-item one. Prints one JSON object (last line).
 *
 *   npm run bench:search
 */
import { readFileSync } from 'node:fs';
import { parseCatalogue } from '../src/shared/catalogue/parse';
import { SearchIndex } from '../src/shared/search/search-index';
import { generatedCatalogue } from '../test/generators/catalogue-cases';

const catalogues = {
  demo: readFileSync('public/catalogue.json', 'utf8'),
  'demo-zh': readFileSync('public/catalogue-zh.json', 'utf8'),
  generated100k: generatedCatalogue(100_000),
};
const results: Record<string, { items: number; buildMs: number; queryMs: number }> = {};
for (const [name, text] of Object.entries(catalogues)) {
  const { items } = parseCatalogue(text);
  const started = performance.now();
  const index = SearchIndex.build(items);
  const buildMs = performance.now() - started;
  const queries = ['quiet coffee grinder', 'gift for a toddler', 'grindr', 'kitchen item 42'];
  const queryStart = performance.now();
  for (const query of queries) index.search(query);
  const queryMs = (performance.now() - queryStart) / queries.length;
  results[name] = {
    items: items.length,
    buildMs: Math.round(buildMs),
    queryMs: +queryMs.toFixed(1),
  };
  console.log(`${name}: ${items.length} items, built in ${Math.round(buildMs)} ms`);
}
console.log(JSON.stringify(results));
