/**
 * Seeded random weights for the tiny model and their symmetric int8 quantisation.
 */
import type { Rng } from '../catalogue-data/random';

/** A row-major float32 matrix. */
export interface Matrix {
  rows: number;
  cols: number;
  values: Float32Array;
}

/** Int8 values whose float value is `value * scale` (the zero point is 0). */
export interface QuantizedMatrix {
  rows: number;
  cols: number;
  values: Int8Array;
  scale: number;
}

export interface TinyWeights {
  wordEmbeddings: Matrix;
  tokenTypeEmbeddings: Matrix;
  denseWeight: Matrix;
  denseBias: Matrix;
}

export interface WeightOptions {
  vocabSize: number;
  hiddenSize: number;
  /** A factor for each token's embedding, in id order (0 for [PAD], as BERT's padding_idx). */
  tokenScales: readonly number[];
}

const WORD_STD = 1;
const MIN_IDF_SCALE = 0.1;
const TOKEN_TYPE_STD = 0.005;
const DENSE_NOISE_STD = 0.1;
const BIAS_STD = 0.005;

/** Standard normal samples by the Marsaglia polar method (a Box–Muller variant). */
export function gaussian(rng: Rng): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    for (;;) {
      const u = 2 * rng() - 1;
      const v = 2 * rng() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * factor;
        return u * factor;
      }
    }
  };
}

function randomMatrix(normal: () => number, rows: number, cols: number, std: number): Matrix {
  const values = new Float32Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = normal() * std;
  return { rows, cols, values };
}

/**
 * Draws every weight from one seeded stream, in a fixed order, so the files are reproducible.
 * The dense layer is the identity plus noise, so each word keeps a recognisable direction.
 */
export function makeWeights(rng: Rng, options: WeightOptions): TinyWeights {
  const { vocabSize, hiddenSize } = options;
  const normal = gaussian(rng);
  const wordEmbeddings = randomMatrix(normal, vocabSize, hiddenSize, WORD_STD);
  wordEmbeddings.values.forEach((value, index) => {
    const scale = options.tokenScales[Math.floor(index / hiddenSize)] ?? 1;
    wordEmbeddings.values[index] = value * scale;
  });
  const tokenTypeEmbeddings = randomMatrix(normal, 2, hiddenSize, TOKEN_TYPE_STD);
  const denseWeight = randomMatrix(normal, hiddenSize, hiddenSize, DENSE_NOISE_STD);
  for (let i = 0; i < hiddenSize; i++) {
    const index = i * hiddenSize + i;
    denseWeight.values[index] = (denseWeight.values[index] ?? 0) + 1;
  }
  const denseBias = randomMatrix(normal, 1, hiddenSize, BIAS_STD);
  return { wordEmbeddings, tokenTypeEmbeddings, denseWeight, denseBias };
}

/** The rows of `top` followed by the rows of `bottom` (same number of columns). */
export function stackRows(top: Matrix, bottom: Matrix): Matrix {
  if (top.cols !== bottom.cols) throw new Error('Stacked matrices need the same width.');
  const values = new Float32Array((top.rows + bottom.rows) * top.cols);
  values.set(top.values);
  values.set(bottom.values, top.values.length);
  return { rows: top.rows + bottom.rows, cols: top.cols, values };
}

/**
 * An embedding scale that falls with a word's document frequency, like IDF: after mean pooling,
 * words found everywhere ("a", "for") barely move a text's vector and shared rare words dominate.
 */
export function idfScale(documentFrequency: number, documents: number): number {
  return Math.max(MIN_IDF_SCALE, Math.log(documents / documentFrequency) / Math.log(documents));
}

/** Per-tensor symmetric int8 quantisation: scale = max |w| / 127, zero point 0. */
export function quantize(matrix: Matrix): QuantizedMatrix {
  const maxAbs = matrix.values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  // Rounded to float32 first: that is the scale DequantizeLinear will multiply by.
  const scale = Math.fround(maxAbs > 0 ? maxAbs / 127 : 1);
  const values = new Int8Array(matrix.values.length);
  matrix.values.forEach((value, index) => {
    values[index] = Math.max(-127, Math.min(127, Math.round(value / scale)));
  });
  return { rows: matrix.rows, cols: matrix.cols, values, scale };
}
