import type { QueryWord } from './terms';
import { isCjk } from './terms';

/** A reason names at most this many words. */
const MAX_WORDS = 4;
/** A catalogue word this many edits from a typed one is taken as what the visitor meant. */
const MAX_EDITS = 2;

/**
 * The words of the query an item matched, for its reason, in the order typed. A word matched
 * as typed is named as typed; one matched by its prefix or despite a typo is named as the
 * catalogue writes it ("grindr" → "grinder"). A Chinese word the item lacks whole is named by
 * the parts it has.
 */
export function matchedWords(
  words: readonly QueryWord[],
  itemTerms: readonly string[],
  surface: (term: string) => string,
): string[] {
  const found = new Set(itemTerms);
  const typed = new Set(words.flatMap((word) => word.terms));
  const others = itemTerms.filter((term) => !typed.has(term) && !isCjk(term));
  const out: string[] = [];
  for (const word of words) {
    if (word.cjk) {
      const [whole = ''] = word.terms;
      out.push(...(found.has(whole) ? [word.typed] : word.terms.filter((t) => found.has(t))));
    } else if (word.terms.some((term) => found.has(term))) {
      out.push(word.typed);
    } else {
      const near = nearest(word.terms, others);
      if (near !== null) out.push(surface(near));
    }
  }
  return [...new Set(out)].slice(0, MAX_WORDS);
}

/** The candidate a typed term most likely meant: one it begins, else the fewest edits away. */
function nearest(terms: readonly string[], candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = MAX_EDITS + 1;
  for (const term of terms) {
    for (const candidate of candidates) {
      const distance = candidate.startsWith(term) ? 0 : editDistance(term, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
