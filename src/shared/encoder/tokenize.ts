const STOPWORDS = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or our so that the their ' +
    'this to was were will with you your yours we us can all any each more most very just than ' +
    'too also not no nor but if then there these those which who whom what when where why how'
  ).split(' '),
);

/** Lower-cased word tokens without diacritics, stopwords or one-letter words, lightly stemmed. */
export function tokenize(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  const tokens: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}

/** Folds the commonest English plural endings so "mugs" matches "mug" and "berries" "berry". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) {
    return word.slice(0, -1);
  }
  return word;
}
