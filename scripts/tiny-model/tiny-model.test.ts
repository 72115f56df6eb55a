import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MODELS_DIR = fileURLToPath(new URL('../../fixtures/models/', import.meta.url));
const MODEL_ID = 'private-recs/tiny-bert';
const MODEL_DIR = `${MODELS_DIR}${MODEL_ID}/`;
const HIDDEN_SIZE = 32;
const LOAD_TIMEOUT_MS = 60_000;
// Measured minimum: 0.9984 here ("kitchen"), 0.9979 over all catalogue tags (onnxruntime-node 1.30.0).
const MIN_Q8_COSINE = 0.99;

const SAMPLE_TEXTS = [
  'Stainless steel saucepan with an induction base',
  'Induction-ready stainless steel saucepan',
  'A picture book about dinosaurs for children',
  'Stainless steel wok for weeknight cooking',
  'Organic cotton bath towel, 70 x 140 cm',
  'Café-style espresso machine — 15 bar pump!',
  'Zyxquv blorft 9000',
  'kitchen',
  '静音咖啡磨豆机，研磨均匀',
];

function readJson(relativePath: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${MODEL_DIR}${relativePath}`, 'utf8')) as Record<string, unknown>;
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
}

describe('tiny-bert fixture files', () => {
  it('has a BERT config and a WordPiece tokenizer', () => {
    const config = readJson('config.json');
    expect(config).toMatchObject({ model_type: 'bert', hidden_size: HIDDEN_SIZE });
    expect(config.architectures).toEqual(['BertModel']);
    const tokenizer = readJson('tokenizer.json');
    expect(tokenizer).toMatchObject({
      normalizer: { type: 'BertNormalizer', lowercase: true },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: { type: 'TemplateProcessing' },
      decoder: { type: 'WordPiece' },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##' },
    });
    const vocab = (tokenizer.model as { vocab: Record<string, number> }).vocab;
    expect(Object.keys(vocab)).toHaveLength(config.vocab_size as number);
    expect(vocab).toMatchObject({ '[PAD]': 0, '[UNK]': 1, '[CLS]': 2, '[SEP]': 3, '[MASK]': 4 });
    expect(readJson('tokenizer_config.json')).toMatchObject({ tokenizer_class: 'BertTokenizer' });
  });

  it('has both ONNX variants, small enough to commit', () => {
    const fp32 = readFileSync(`${MODEL_DIR}onnx/model.onnx`);
    const q8 = readFileSync(`${MODEL_DIR}onnx/model_quantized.onnx`);
    expect(q8.length).toBeLessThan(fp32.length / 2);
    expect(fp32.length + q8.length).toBeLessThan(1_000_000);
  });
});

describe('tiny-bert through Transformers.js', () => {
  let fp32: FeatureExtractionPipeline;
  let q8: FeatureExtractionPipeline;

  beforeAll(async () => {
    env.allowRemoteModels = false;
    env.localModelPath = MODELS_DIR;
    fp32 = await pipeline('feature-extraction', MODEL_ID, { dtype: 'fp32' });
    q8 = await pipeline('feature-extraction', MODEL_ID, { dtype: 'q8' });
  }, LOAD_TIMEOUT_MS);

  afterAll(async () => {
    await fp32.dispose();
    await q8.dispose();
  });

  async function embed(extractor: FeatureExtractionPipeline, texts: string[]): Promise<number[][]> {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    expect(output.dims).toEqual([texts.length, HIDDEN_SIZE]);
    return output.tolist() as number[][];
  }

  it('tokenizes like BERT uncased and spells unknown words out', () => {
    expect(fp32.tokenizer.tokenize('Stainless STÉEL, kitchen')).toEqual([
      'stainless',
      'steel',
      ',',
      'kitchen',
    ]);
    expect(fp32.tokenizer.tokenize('zyxq')).not.toContain('[UNK]');
  });

  it('makes each Chinese character a token, all of them known', () => {
    const tokens = fp32.tokenizer.tokenize('安静的咖啡磨豆机，Bose降噪耳机');
    expect(tokens.slice(0, 8)).toEqual(['安', '静', '的', '咖', '啡', '磨', '豆', '机']);
    expect(tokens).not.toContain('[UNK]');
  });

  it('puts Chinese texts that share words closer than unrelated ones', async () => {
    const [grinder, query, tent] = await embed(fp32, [
      '静音咖啡磨豆机',
      '安静的咖啡磨豆机',
      '双人露营帐篷',
    ]);
    if (grinder === undefined || query === undefined || tent === undefined) {
      throw new Error('Expected three vectors.');
    }
    expect(dot(grinder, query)).toBeGreaterThan(
      Math.max(dot(grinder, tent), dot(query, tent)) + 0.3,
    );
  });

  it('returns unit-length vectors of the hidden size, the same on every call', async () => {
    for (const extractor of [fp32, q8]) {
      const first = await embed(extractor, SAMPLE_TEXTS);
      for (const row of first) expect(Math.sqrt(dot(row, row))).toBeCloseTo(1, 5);
      expect(await embed(extractor, SAMPLE_TEXTS)).toEqual(first);
    }
  });

  it('puts texts that share words closer than unrelated texts', async () => {
    const [saucepan, sameWords, book] = await embed(fp32, SAMPLE_TEXTS.slice(0, 3));
    if (saucepan === undefined || sameWords === undefined || book === undefined) {
      throw new Error('Expected three vectors.');
    }
    // In 32 dimensions unrelated texts still reach cosines of ±0.4 by chance; hence the margin.
    const related = dot(saucepan, sameWords);
    expect(related).toBeGreaterThan(0.7);
    expect(related).toBeGreaterThan(Math.max(dot(saucepan, book), dot(sameWords, book)) + 0.3);
  });

  it('gives nearly the same vectors in fp32 and q8', async () => {
    const exact = await embed(fp32, SAMPLE_TEXTS);
    const quantized = await embed(q8, SAMPLE_TEXTS);
    const cosines = exact.map((row, index) => dot(row, quantized[index] ?? []));
    expect(Math.min(...cosines)).toBeGreaterThanOrEqual(MIN_Q8_COSINE);
  });
});
