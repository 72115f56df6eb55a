/**
 * Chinese (and Japanese) text has no spaces between words, so a run of Han or kana characters
 * is cut into words by `Intl.Segmenter` and into overlapping character bigrams, the classic
 * fallback of CJK retrieval: a bigram still matches where the segmenter's dictionary cuts a
 * word differently in the item and in the query ("静音" may come out as 静|音).
 */

/** One Han, Hiragana or Katakana character. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Splits text into CJK runs (kept, at odd indices) and whatever lies between them. */
const CJK_RUN = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)/u;

/**
 * Function words that carry no topic; they also break bigrams, so "安静的咖啡" yields 安静 and
 * 咖啡 but not 静的 or 的咖.
 */
const CJK_STOPWORDS = new Set(
  (
    '的 地 得 了 着 过 和 与 及 或 是 在 把 被 很 也 都 就 又 还 吗 呢 吧 啊 之 等 让 从 对 给 ' +
    '这 那 这个 那个 这些 那些 一个 我 你 您 他 她 它 我们 你们 他们 您的 我的 你的 以及 并且 而且'
  ).split(' '),
);

let segmenter: Intl.Segmenter | null | undefined;

/** The word segmenter, or null where the runtime lacks `Intl.Segmenter` (bigrams then suffice). */
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter('zh', { granularity: 'word' })
        : null;
  }
  return segmenter;
}

/** Splits a word into alternating non-CJK and CJK parts: CJK parts are at odd indices. */
export function splitCjk(word: string): string[] {
  return word.split(CJK_RUN);
}

/**
 * Tokens of one CJK run: the segmenter's words of two or more characters, plus the character
 * bigrams of each stretch between stopwords (a lone character stands for itself). A real word
 * is thus counted both as a word and as its bigrams, so it outweighs a bigram across words.
 */
export function cjkTokens(run: string): string[] {
  const words = segmentWords(run);
  const tokens: string[] = [];
  let stretch = '';
  const closeStretch = () => {
    tokens.push(...bigrams(stretch));
    stretch = '';
  };
  for (const word of words) {
    if (CJK_STOPWORDS.has(word)) {
      closeStretch();
      continue;
    }
    if (Array.from(word).length >= 2) tokens.push(word);
    stretch += word;
  }
  closeStretch();
  return tokens;
}

/**
 * The words of one CJK run that carry a topic, as a reader would name them: the segmenter's
 * words, with neighbouring single characters joined (a word its dictionary lacks, 降|噪, is one
 * word, 降噪) and stopwords left out.
 */
export function cjkWords(run: string): string[] {
  const out: string[] = [];
  let single = '';
  const close = () => {
    if (single) out.push(single);
    single = '';
  };
  for (const word of segmentWords(run)) {
    if (CJK_STOPWORDS.has(word)) close();
    else if (Array.from(word).length === 1) single += word;
    else {
      close();
      out.push(word);
    }
  }
  close();
  return out;
}

function segmentWords(run: string): string[] {
  const segments = wordSegmenter()?.segment(run);
  if (!segments) return [run];
  return Array.from(segments, (segment) => segment.segment);
}

/** Overlapping character pairs; a single character is its own token. */
function bigrams(stretch: string): string[] {
  // Code points: a run holds only Han and kana characters, never combining sequences.
  const chars = Array.from(stretch);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return out;
}
