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

/** The layout stored parameters must have to fit a head: item dims and array lengths. */
export interface HeadShape {
  dims: number;
  typeLogit: number;
  u: number;
  w: number;
}

/**
 * Why stored parameters cannot be used by a head of this shape, or null: not a record, a field
 * missing or of the wrong type, a value that is not finite (damage), or another layout (older
 * versions, another item space).
 */
export function headParamsProblem(params: unknown, shape: HeadShape): string | null {
  if (typeof params !== 'object' || params === null) return 'the parameters are not a record';
  const p = params as Partial<Record<keyof HeadParams, unknown>>;
  if (p.dims !== shape.dims) return `they are for ${String(p.dims)} dims, not ${shape.dims}`;
  for (const name of ['decayRaw', 'simGain', 'b'] as const) {
    if (!finite(p[name])) return `"${name}" is ${describe(p[name])}`;
  }
  const lists: [keyof HeadParams, number][] = [
    ['typeLogit', shape.typeLogit],
    ['u', shape.u],
    ['w', shape.w],
  ];
  for (const [name, length] of lists) {
    const value = p[name];
    if (!Array.isArray(value) && !(value instanceof Float32Array)) {
      return `"${name}" is ${describe(value)}, not a list of numbers`;
    }
    if (value.length !== length) return `"${name}" has ${value.length} values, not ${length}`;
    const bad = (Array.from(value) as unknown[]).findIndex((v) => !finite(v));
    if (bad !== -1) return `"${name}" value ${bad + 1} is ${describe(value[bad])}`;
  }
  return null;
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'missing';
  return value === null ? 'null' : typeof value;
}
