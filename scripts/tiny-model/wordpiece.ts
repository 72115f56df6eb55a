/**
 * The tiny model's WordPiece vocabulary, built from catalogue text, and the Hugging Face tokenizer
 * files (tokenizer.json, tokenizer_config.json, special_tokens_map.json) that describe it.
 */

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
export type SpecialToken = (typeof SPECIAL_TOKENS)[number];
export const CONTINUATION_PREFIX = '##';

const LETTERS_AND_DIGITS = Array.from('abcdefghijklmnopqrstuvwxyz0123456789');
// BERT counts every non-alphanumeric printable ASCII character as punctuation, plus Unicode \p{P}.
const ASCII_PUNCTUATION = Array.from('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
const PUNCTUATION_CLASS = String.raw`\p{P}\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E`;
const PRE_TOKEN = new RegExp(`[^\\s${PUNCTUATION_CLASS}]+|[${PUNCTUATION_CLASS}]`, 'gu');
const WORD = new RegExp(`^[^\\s${PUNCTUATION_CLASS}]+$`, 'u');
/**
 * BERT's "Chinese characters" (BasicTokenizer._is_chinese_char, `handle_chinese_chars` in
 * tokenizer.json): the normaliser puts spaces around each, so every one is a token of its own.
 */
const CJK_IDEOGRAPH =
  /[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{2A6DF}\u{2A700}-\u{2CEAF}\u{2F800}-\u{2FA1F}]/gu;

/** Lower-cases and strips accents as BertNormalizer does, and drops control characters. */
export function normalize(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, (char) => (/\s/u.test(char) ? ' ' : ''))
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
}

/** Splits normalised text on whitespace, punctuation and CJK ideographs, like BERT. */
export function preTokenize(text: string): string[] {
  return normalize(text).replace(CJK_IDEOGRAPH, ' $& ').match(PRE_TOKEN) ?? [];
}

/**
 * How many documents each single non-ASCII character token (a CJK ideograph, full-width
 * punctuation) occurs in: a Chinese text is spelled out in these.
 */
export function characterFrequencies(documents: readonly string[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const document of documents) {
    const tokens = preTokenize(document).filter(
      (token) => Array.from(token).length === 1 && (token.codePointAt(0) ?? 0) > 0x7f,
    );
    for (const token of new Set(tokens)) frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
  }
  return frequencies;
}

/** How many documents each word (not punctuation) occurs in. */
export function documentFrequencies(documents: readonly string[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const document of documents) {
    for (const word of new Set(preTokenize(document).filter((token) => WORD.test(token)))) {
      frequencies.set(word, (frequencies.get(word) ?? 0) + 1);
    }
  }
  return frequencies;
}

function byFrequency(frequencies: ReadonlyMap<string, number>): string[] {
  return [...frequencies]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .map(([token]) => token);
}

/**
 * The vocabulary in id order: special tokens, the most frequent words (ties in code-point order,
 * so the result never depends on the locale), single characters, then the CJK characters given.
 */
export function buildVocabulary(
  frequencies: ReadonlyMap<string, number>,
  wordCount: number,
  cjkCharacters: ReadonlyMap<string, number> = new Map(),
): string[] {
  const words = byFrequency(frequencies).slice(0, wordCount);
  // Single characters and their continuations let WordPiece spell out any word of a–z and 0–9.
  const characters = [
    ...LETTERS_AND_DIGITS,
    ...LETTERS_AND_DIGITS.map((char) => CONTINUATION_PREFIX + char),
    ...ASCII_PUNCTUATION,
  ];
  const vocabulary: string[] = [...SPECIAL_TOKENS];
  const seen = new Set(vocabulary);
  for (const token of [...words, ...characters, ...byFrequency(cjkCharacters)]) {
    if (!seen.has(token)) {
      seen.add(token);
      vocabulary.push(token);
    }
  }
  return vocabulary;
}

function idOf(vocabulary: readonly string[], token: SpecialToken): number {
  const id = vocabulary.indexOf(token);
  if (id < 0) throw new Error(`The vocabulary lacks ${token}.`);
  return id;
}

type TemplatePiece =
  | { SpecialToken: { id: SpecialToken; type_id: number } }
  | { Sequence: { id: 'A' | 'B'; type_id: number } };

function special(id: SpecialToken, typeId: number): TemplatePiece {
  return { SpecialToken: { id, type_id: typeId } };
}

function sequence(id: 'A' | 'B', typeId: number): TemplatePiece {
  return { Sequence: { id, type_id: typeId } };
}

const VOCAB_PLACEHOLDER = '__VOCAB__';

// Written by hand because a JS object would list integer-like keys ("0", "28") first, not in id order.
function vocabJson(vocabulary: readonly string[]): string {
  return `{${vocabulary.map((token, id) => `${JSON.stringify(token)}:${id}`).join(',')}}`;
}

/** The tokenizer.json text: a BERT-uncased WordPiece pipeline over the given vocabulary. */
export function tokenizerJson(vocabulary: readonly string[]): string {
  const cls = idOf(vocabulary, '[CLS]');
  const sep = idOf(vocabulary, '[SEP]');
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: idOf(vocabulary, content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: true,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]', 0), sequence('A', 0), special('[SEP]', 0)],
      pair: [
        special('[CLS]', 0),
        sequence('A', 0),
        special('[SEP]', 0),
        sequence('B', 1),
        special('[SEP]', 1),
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [cls], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [sep], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: CONTINUATION_PREFIX, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: CONTINUATION_PREFIX,
      max_input_chars_per_word: 100,
      vocab: VOCAB_PLACEHOLDER,
    },
  };
  return JSON.stringify(tokenizer, null, 2).replace(JSON.stringify(VOCAB_PLACEHOLDER), () =>
    vocabJson(vocabulary),
  );
}

/** The special_tokens_map.json object. */
export function specialTokensMap(): object {
  return {
    cls_token: '[CLS]',
    mask_token: '[MASK]',
    pad_token: '[PAD]',
    sep_token: '[SEP]',
    unk_token: '[UNK]',
  };
}

/** The tokenizer_config.json object. */
export function tokenizerConfig(modelMaxLength: number): object {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    do_basic_tokenize: true,
    tokenize_chinese_chars: true,
    strip_accents: true,
    never_split: null,
    model_max_length: modelMaxLength,
    clean_up_tokenization_spaces: true,
    ...specialTokensMap(),
  };
}
