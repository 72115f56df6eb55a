import type { Catalogue } from '../catalogue/schema';

/** The default English sentence encoder (quantized ONNX export of all-MiniLM-L6-v2). */
export const DEFAULT_MODEL = 'Xenova/all-MiniLM-L6-v2';
/** The encoder for catalogues whose `language` is not English. */
export const MULTILINGUAL_MODEL = 'Xenova/paraphrase-multilingual-MiniLM-L12-v2';
/** The `?model=` value that forces the built-in lexical encoder. */
export const LEXICAL_MODEL = 'lexical';

/** The model for a catalogue: a forced one wins, else English or multilingual by its language. */
export function modelFor(
  forced: string | null,
  catalogue: Pick<Catalogue, 'language'>,
): string | null {
  if (forced === LEXICAL_MODEL) return null;
  if (forced) return forced;
  const language = (catalogue.language ?? 'en').toLowerCase();
  return language === 'en' || language.startsWith('en-') ? DEFAULT_MODEL : MULTILINGUAL_MODEL;
}

/** Files a feature-extraction model needs; `onnx/` holds one file per precision. */
export const MODEL_FILES = {
  required: ['config.json', 'tokenizer.json', 'tokenizer_config.json'],
  optional: ['special_tokens_map.json'],
  weights: { q8: 'onnx/model_quantized.onnx', fp32: 'onnx/model.onnx' },
} as const;
