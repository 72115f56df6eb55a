import { CJK_CHAR, cjkTokens, splitCjk } from './cjk';

const STOPWORDS = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or our so that the their ' +
    'this to was were will with you your yours we us can all any each more most very just than ' +
    'too also not no nor but if then there these those which who whom what when where why how'
  ).split(' '),
);

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Lower-cased word tokens without diacritics, stopwords or one-letter words, lightly stemmed.
 * Chinese and Japanese runs, which have no spaces, become words and character bigrams (cjk.ts);
 * mixed text ("Bose降噪耳机") is split by script first, so Latin words are tokenized as ever.
 */
export function tokenize(text: string): string[] {
  // ASCII has no accents to strip (NFKD leaves it as it is): most catalogue text skips two passes.
  const ascii = !NON_ASCII.test(text);
  const words = (ascii ? text : text.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  const tokens: string[] = [];
  for (const word of words) {
    if (ascii || !CJK_CHAR.test(word)) {
      addWord(tokens, word);
      continue;
    }
    splitCjk(word).forEach((part, index) => {
      if (index % 2 === 1) tokens.push(...cjkTokens(part));
      else addWord(tokens, part);
    });
  }
  return tokens;
}

function addWord(tokens: string[], word: string): void {
  if (word.length < 2 || STOPWORDS.has(word)) return;
  tokens.push(stem(word));
}

/** Folds the commonest English plural endings so "mugs" matches "mug" and "berries" "berry". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) {
    return word.slice(0, -1);
  }
  return word;
}
