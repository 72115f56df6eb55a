/** Everything the personal scoring head learns, as plain arrays (what IndexedDB stores). */
export interface HeadParams {
  dims: number;
  /** Attention score per interaction type (INTERACTION_TYPES order). */
  typeLogit: number[];
  /** softplus(decayRaw) is the attention decay per day of age. */
  decayRaw: number;
  /** How much a history item's similarity to the candidate draws attention (0: none). */
  simGain: number;
  /** The low-rank interaction matrix, PROJECTION_DIMS × rank, row-major. */
  u: Float32Array;
  /** Feature weights of the logistic layer, and its bias. */
  w: number[];
  b: number;
}
