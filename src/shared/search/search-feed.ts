import type { CatalogueItem } from '../catalogue/schema';
import { aggregateSignals, type ItemSignal } from '../interactions/signals';
import type { Interaction } from '../interactions/types';
import type { Ranked } from '../ranking/rank';
import type { ItemMatrix } from '../ranking/matrix';
import type { PersonalScorer } from '../ranking/personal';
import { CANDIDATES } from '../ranking/retrieve';
import { mmrSelect } from '../ranking/mmr';
import { blendSearch, reachable } from './blend';
import { matchedWords } from './matched-words';
import type { SearchHit, SearchIndex } from './search-index';
import { queryWords } from './terms';

/**
 * Relevance against variety among the matches (MMR λ): a category's name matches all its items
 * alike, and without variety the visitor's taste would fill the list from one subcategory.
 */
const LAMBDA = 0.7;
/** How many of the best matches MMR chooses from. */
const MIN_POOL = 60;

/** What one search reads: the catalogue's search index and item space, the history, a scorer. */
export interface SearchInput {
  index: SearchIndex;
  items: readonly CatalogueItem[];
  matrix: ItemMatrix;
  prior: Float32Array;
  indexOf: ReadonlyMap<string, number>;
  history: readonly Interaction[];
  scorer: PersonalScorer;
  now: number;
}

/**
 * One search, as the worker answers `recommend({query})`: the items matching the query's words
 * (full-text, typo-tolerant), reordered by the visitor's taste within a bounded margin, each
 * with the words it matched and whether taste moved it up. The query is used and forgotten.
 */
export async function searchFeed(
  input: SearchInput,
  { text, count }: { text: string; count: number },
): Promise<Ranked[]> {
  const { index, items, history, now } = input;
  const signals = aggregateSignals(history, input.indexOf, now);
  const shown = visible(index.search(text), items, signals);
  const candidates = reachable(shown, count, CANDIDATES);
  if (candidates.length === 0) return [];
  const rows = Int32Array.from(candidates, (hit) => hit.row).sort();
  const { matrix, indexOf } = input;
  const personal = await input.scorer.score({
    history,
    signals,
    matrix,
    indexOf,
    now,
    candidates: rows,
  });
  const scores = personal ? { rows, ...personal } : null;
  const words = queryWords(text);
  const terms = new Map(candidates.map((hit) => [hit.row, hit.terms]));
  const surface = (term: string) => index.surface(term);
  const blended = blendSearch(candidates, scores, input.prior, Math.max(MIN_POOL, count * 3));
  const relevance = new Float32Array(items.length);
  for (const entry of blended) relevance[entry.row] = entry.score;
  const byRow = new Map(blended.map((entry) => [entry.row, entry]));
  const picked = mmrSelect(
    blended.map((entry) => entry.row),
    relevance,
    matrix,
    count,
    LAMBDA,
  );
  return picked.map((row) => ({
    index: row,
    score: relevance[row] ?? 0,
    reason: {
      kind: 'query',
      query: text,
      words: matchedWords(words, terms.get(row) ?? [], surface),
      movedUp: byRow.get(row)?.movedUp ?? false,
    },
  }));
}

/**
 * Matches that may be shown: available, neither bought nor disliked. Items the visitor already
 * viewed or liked stay findable: search is how one gets back to them.
 */
function visible(
  hits: readonly SearchHit[],
  items: readonly CatalogueItem[],
  signals: readonly ItemSignal[],
): SearchHit[] {
  const hidden = new Set(signals.filter((s) => s.purchased || s.disliked).map((s) => s.index));
  return hits.filter((hit) => items[hit.row]?.available !== false && !hidden.has(hit.row));
}
