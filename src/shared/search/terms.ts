import { stemmer } from 'stemmer';
import { CJK_CHAR, cjkWords, splitCjk } from '../encoder/cjk';
import { tokenize } from '../encoder/tokenize';

/**
 * The search index's form of a token (tokens come from the encoder's tokenizer: diacritics
 * folded, stopwords out, plurals folded, Chinese cut into words and bigrams). Latin words are
 * Porter-stemmed so "grinding" finds "grind"; Chinese tokens and numbers stay as they are.
 */
export function stemTerm(token: string): string {
  return isCjk(token) || /\d/u.test(token) ? token : stemmer(token);
}

/** Whether a token is Chinese or Japanese (no stemming, no typo or prefix matching). */
export function isCjk(term: string): boolean {
  return CJK_CHAR.test(term);
}

/** The index terms of a text, in order. */
export function textTerms(text: string): string[] {
  return tokenize(text).map(stemTerm);
}

/** One word of a query: as the visitor typed it, and the index terms it stands for. */
export interface QueryWord {
  typed: string;
  terms: string[];
  cjk: boolean;
}

/**
 * The words of a query in the order typed, for saying which of them matched. A Chinese run is
 * cut into its words; stopwords ("for", "a", 的) stand for no term and are left out.
 */
export function queryWords(text: string): QueryWord[] {
  const out: QueryWord[] = [];
  const add = (typed: string, cjk: boolean) => {
    const terms = [...new Set(textTerms(typed))];
    if (terms.length > 0) out.push({ typed: typed.toLowerCase(), terms, cjk });
  };
  for (const word of text.split(/[^\p{L}\p{N}\p{M}]+/u)) {
    splitCjk(word).forEach((part, index) => {
      if (index % 2 === 0) add(part, false);
      else for (const cjkWord of cjkWords(part)) add(cjkWord, true);
    });
  }
  return out;
}
