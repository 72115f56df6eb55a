import MiniSearch from 'minisearch';
import type { CatalogueItem } from '../catalogue/schema';
import { tokenize } from '../encoder/tokenize';
import { isCjk, stemTerm } from './terms';

/** What the index reads of an item; `id` is the item's row in the catalogue. */
interface SearchDoc {
  id: number;
  title: string;
  brand?: string;
  /** The top of the category path, a field of its own so that all its items match it alike. */
  department?: string;
  category?: string;
  tags?: string;
  description?: string;
}

const FIELDS = ['title', 'brand', 'department', 'category', 'tags', 'description'];
/** The title, brand and category say what an item is; a description mentions much else. */
const BOOST = { title: 3, brand: 2, department: 2, category: 2, tags: 1.5, description: 1 };
/** Words this long or longer also match as a prefix ("grin" finds "grinder"). */
const PREFIX_FROM = 3;
/** Words this long or longer forgive a typo (one edit per five letters: "grindr", "toddlr"). */
const FUZZY_FROM = 4;
const FUZZINESS = 0.2;

/** What the index keeps of a term: a word it was made from, and how many items have it. */
interface TermInfo {
  surface: string;
  items: number;
  lastRow: number;
}

/** One item that matched: its text score scaled by the best match's (the best scores 1). */
export interface SearchHit {
  row: number;
  score: number;
  /** The index terms of the item that matched (stems; see `surface` for a readable form). */
  terms: string[];
}

/**
 * Full-text search over the catalogue (MiniSearch: BM25+, field boosts, prefix and typo
 * matching), with the encoder's tokenizer, so Chinese is cut into words and bigrams as for the
 * vectors. Built once per catalogue, in the worker; a query is never stored in it.
 */
export class SearchIndex {
  private constructor(
    private readonly mini: MiniSearch<SearchDoc>,
    private readonly info: ReadonlyMap<string, TermInfo>,
    private readonly rows: number,
  ) {}

  /** Indexes title, brand, category, tags and description of every item. */
  static build(items: readonly CatalogueItem[]): SearchIndex {
    const building = SearchIndex.start(items);
    building.add(items.length);
    return building.done();
  }

  /**
   * The same index, built `step` items at a time with `pause()` awaited between steps, so that
   * a worker answers other calls meanwhile (100,000 items take seconds).
   */
  static async buildInSteps(
    items: readonly CatalogueItem[],
    pause: () => Promise<void>,
    step = 2_000,
  ): Promise<SearchIndex> {
    const building = SearchIndex.start(items);
    while (building.add(step)) await pause();
    return building.done();
  }

  /** An empty index over `items`: `add(n)` indexes the next n (false once all are in). */
  private static start(items: readonly CatalogueItem[]): {
    add: (count: number) => boolean;
    done: () => SearchIndex;
  } {
    const info = new Map<string, TermInfo>();
    let row = 0;
    const mini = new MiniSearch<SearchDoc>({
      fields: FIELDS,
      tokenize,
      processTerm: (token) => {
        const term = stemTerm(token);
        const known = info.get(term);
        if (!known) info.set(term, { surface: token, items: 1, lastRow: row });
        else if (known.lastRow !== row) {
          known.items++;
          known.lastRow = row;
        }
        return term;
      },
      searchOptions: {
        boost: BOOST,
        // Queries are stemmed alike but leave no trace in `info`.
        processTerm: stemTerm,
        prefix: (term) => !isCjk(term) && term.length >= PREFIX_FROM,
        fuzzy: (term) => (!isCjk(term) && term.length >= FUZZY_FROM ? FUZZINESS : false),
      },
    });
    const add = (count: number) => {
      const end = Math.min(items.length, row + count);
      for (; row < end; row++) {
        const item = items[row];
        if (item) mini.add(toDoc(item, row));
      }
      return row < items.length;
    };
    return { add, done: () => new SearchIndex(mini, info, items.length) };
  }

  /** Items matching any word of the query, best first. */
  search(text: string): SearchHit[] {
    const results = this.mini.search(text, { boostTerm: (term) => this.idf(term) });
    const best = results[0]?.score ?? 0;
    if (!(best > 0)) return [];
    return results.map((result) => ({
      row: Number(result.id),
      score: result.score / best,
      terms: result.terms,
    }));
  }

  /** A word of the catalogue that an index term was made from ("coffee" for "coffe"). */
  surface(term: string): string {
    return this.info.get(term)?.surface ?? term;
  }

  /**
   * A query word's weight: its inverse document frequency squared, on top of the IDF BM25
   * applies. In a shop the rarer word names what is wanted ("toddler") and the common one how
   * ("gift"); BM25's own IDF is too flat to tell them apart in a catalogue of a thousand items.
   */
  private idf(term: string): number {
    const items = this.info.get(term)?.items ?? 0;
    return Math.log(1 + (this.rows - items + 0.5) / (items + 0.5)) ** 2;
  }
}

function toDoc(item: CatalogueItem, row: number): SearchDoc {
  const [department, ...rest] = (item.category ?? '').split('>');
  return {
    id: row,
    title: item.title,
    brand: item.brand,
    department,
    category: rest.join(' , '),
    tags: item.tags?.join(' , '),
    description: item.description,
  };
}
