/**
 * Damage done to stored records for robustness tests: to the vector cache (a header and its
 * first chunk) and to learned weights. Each returns new records; the originals stay intact.
 */

type Fields = Record<string, unknown>;

/** The records of one vector cache: its header and first chunk (null: delete the chunk). */
export interface VectorRecords {
  header: Fields;
  chunk: Fields | null;
}

export interface VectorDamage {
  name: string;
  /** Rows that must be encoded again: all of them, or the damaged rows only. */
  reencoded: 'all' | number;
  apply: (records: VectorRecords) => VectorRecords;
}

const data = (records: VectorRecords) => (records.chunk?.data as Float32Array).slice();
const withHeader = (r: VectorRecords, fields: Fields) => ({
  ...r,
  header: { ...r.header, ...fields },
});
const withChunk = (r: VectorRecords, fields: Fields) => ({
  ...r,
  chunk: { ...r.chunk, ...fields },
});

/** Sets `rows` of a chunk's data (rows of `dims` values) to what `value` gives. */
function rows(r: VectorRecords, picked: number[], value: (old: number) => number): VectorRecords {
  const dims = r.header.dims as number;
  const next = data(r);
  for (const row of picked) {
    for (let i = row * dims; i < (row + 1) * dims; i++) next[i] = value(next[i] ?? 0);
  }
  return withChunk(r, { data: next });
}

/** Every kind of vector cache damage the tests try. */
export const VECTOR_DAMAGE: VectorDamage[] = [
  {
    name: 'header: a billion chunks',
    reencoded: 'all',
    apply: (r) => withHeader(r, { chunks: 1e9 }),
  },
  {
    name: 'header: dims that are text',
    reencoded: 'all',
    apply: (r) => withHeader(r, { dims: 'x' }),
  },
  { name: 'header: negative rows', reencoded: 'all', apply: (r) => withHeader(r, { rows: -5 }) },
  {
    name: 'header: more rows than stored',
    reencoded: 'all',
    apply: (r) => withHeader(r, { rows: (r.header.rows as number) + 100 }),
  },
  {
    name: 'header: fields missing',
    reencoded: 'all',
    apply: (r) => ({ ...r, header: { key: r.header.key, kind: 'header' } }),
  },
  { name: 'header: another kind', reencoded: 'all', apply: (r) => withHeader(r, { kind: 'blob' }) },
  { name: 'chunk: missing', reencoded: 'all', apply: (r) => ({ ...r, chunk: null }) },
  {
    name: 'chunk: a plain list of numbers',
    reencoded: 'all',
    apply: (r) => withChunk(r, { data: Array.from(data(r)) }),
  },
  {
    name: 'chunk: half its data',
    reencoded: 'all',
    apply: (r) => withChunk(r, { data: data(r).slice(0, data(r).length / 2) }),
  },
  {
    name: 'chunk: data that is text',
    reencoded: 'all',
    apply: (r) => withChunk(r, { data: 'garbage' }),
  },
  {
    name: 'chunk: hashes that are text',
    reencoded: 'all',
    apply: (r) => withChunk(r, { hashes: 'abc' }),
  },
  {
    name: 'chunk: hashes that are numbers',
    reencoded: 'all',
    apply: (r) => withChunk(r, { hashes: (r.chunk?.hashes as string[]).map((_, i) => i) }),
  },
  { name: 'chunk: another kind', reencoded: 'all', apply: (r) => withChunk(r, { kind: 'header' }) },
  { name: 'rows: NaN in two rows', reencoded: 2, apply: (r) => rows(r, [3, 7], () => NaN) },
  {
    name: 'rows: infinity in one row',
    reencoded: 1,
    apply: (r) => rows(r, [100], (v) => (v >= 0 ? Infinity : -Infinity)),
  },
  {
    name: 'rows: ten rows 1000 times too long',
    reencoded: 10,
    apply: (r) => rows(r, [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], (v) => v * 1000),
  },
  { name: 'rows: one row of zeros', reencoded: 1, apply: (r) => rows(r, [42], () => 0) },
  {
    name: 'rows: every row zeros',
    reencoded: 'all',
    apply: (r) => withChunk(r, { data: new Float32Array(data(r).length) }),
  },
];

export interface WeightDamage {
  name: string;
  apply: (record: Fields) => Fields;
}

const params = (record: Fields, fields: Fields) => ({
  ...record,
  params: { ...(record.params as Fields), ...fields },
});
const list = (record: Fields, name: string) =>
  Array.from((record.params as Record<string, ArrayLike<number>>)[name] ?? []);

/** Every kind of damage to a learned weights record the tests try. */
export const WEIGHT_DAMAGE: WeightDamage[] = [
  { name: 'params: null', apply: (r) => ({ ...r, params: null }) },
  { name: 'params: text', apply: (r) => ({ ...r, params: 'weights' }) },
  {
    name: 'w: NaN',
    apply: (r) => params(r, { w: list(r, 'w').map((v, i) => (i === 2 ? NaN : v)) }),
  },
  { name: 'b: infinity', apply: (r) => params(r, { b: Infinity }) },
  { name: 'u: too short', apply: (r) => params(r, { u: new Float32Array(10) }) },
  { name: 'u: text', apply: (r) => params(r, { u: 'matrix' }) },
  {
    name: 'u: NaN inside',
    apply: (r) => params(r, { u: Float32Array.from(list(r, 'u'), (v, i) => (i === 5 ? NaN : v)) }),
  },
  {
    name: 'typeLogit: text values',
    apply: (r) => params(r, { typeLogit: list(r, 'typeLogit').map(String) }),
  },
  { name: 'decayRaw: missing', apply: (r) => params(r, { decayRaw: undefined }) },
  { name: 'simGain: NaN', apply: (r) => params(r, { simGain: NaN }) },
  {
    name: 'dims: of another item space',
    apply: (r) => params(r, { dims: ((r.params as Fields).dims as number) + 1 }),
  },
  { name: 'trainedOn: text', apply: (r) => ({ ...r, trainedOn: 'many' }) },
  { name: 'fingerprint: a number', apply: (r) => ({ ...r, fingerprint: 42 }) },
];
