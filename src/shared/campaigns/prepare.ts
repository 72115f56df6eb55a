import type { Campaign } from '../catalogue/schema';
import { dot, normalize, row, rowDot, type ItemMatrix } from '../ranking/matrix';

/** Share of the campaign's own words in its vector when it also lists items (the rest: items). */
export const TEXT_SHARE = 0.5;
/** Rows sampled to calibrate a campaign's similarity scale (a full scan of 200k items is slow). */
const CALIBRATION_ROWS = 2_000;

/**
 * A campaign placed in the item space: its unit vector, and the mean and spread of its
 * similarity to the catalogue's items, so that a fit reads as "how many standard deviations
 * closer than a typical item" whatever the encoder's scale (lexical cosines sit near 0,
 * transformer cosines near 0.3).
 */
export interface PreparedCampaign {
  campaign: Campaign;
  vector: Float32Array;
  mean: number;
  spread: number;
  /** Catalogue rows of its items that exist in this catalogue, in the campaign's order. */
  rows: number[];
}

/** The text a campaign is encoded from: what it says and whom it is for. */
export function campaignText(campaign: Campaign): string {
  return [campaign.title, campaign.text, campaign.audience]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .join('. ');
}

/**
 * Places one campaign: its encoded text (already in the matrix's space, padded when the matrix
 * also holds collaborative dimensions), blended with the mean of its items' vectors.
 */
export function prepareCampaign(
  campaign: Campaign,
  textVector: Float32Array,
  matrix: ItemMatrix,
  indexOf: ReadonlyMap<string, number>,
): PreparedCampaign {
  const rows = (campaign.itemIds ?? [])
    .map((id) => indexOf.get(id))
    .filter((index): index is number => index !== undefined);
  const items = new Float32Array(matrix.dims);
  for (const index of rows) {
    const r = row(matrix, index);
    for (let i = 0; i < items.length; i++) items[i] = (items[i] ?? 0) + (r[i] ?? 0);
  }
  normalize(items);
  const text = normalize(Float32Array.from(textVector));
  const hasText = dot(text, text) > 0;
  const textShare = rows.length === 0 ? 1 : hasText ? TEXT_SHARE : 0;
  const vector = new Float32Array(matrix.dims);
  for (let i = 0; i < vector.length; i++) {
    vector[i] = textShare * (text[i] ?? 0) + (1 - textShare) * (items[i] ?? 0);
  }
  normalize(vector);
  return { campaign, vector, rows, ...calibrate(vector, matrix) };
}

/** Mean and standard deviation of the vector's similarity to (an even sample of) the rows. */
export function calibrate(
  vector: Float32Array,
  matrix: ItemMatrix,
): { mean: number; spread: number } {
  const step = Math.max(1, Math.ceil(matrix.rows / CALIBRATION_ROWS));
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (let index = 0; index < matrix.rows; index += step) {
    const s = rowDot(matrix, index, vector);
    n += 1;
    sum += s;
    squares += s * s;
  }
  if (n === 0) return { mean: 0, spread: 0 };
  const mean = sum / n;
  return { mean, spread: Math.sqrt(Math.max(0, squares / n - mean * mean)) };
}
