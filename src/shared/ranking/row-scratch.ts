/**
 * Catalogue-sized score arrays lent to one request and taken back after it. Ranking reads a few
 * thousand candidate rows, but indexes its arrays by catalogue row; in a worker that holds a
 * 100k-item catalogue, a fresh 400 KB typed array per request (and per arm of the A/B test) cost
 * more than ranking the candidates did: every new buffer is external memory that the garbage
 * collector must account for and sweep (docs/benchmarks.md, "Scale").
 *
 * Every array in the pool is all zeros. A borrower writes only the rows it names when it gives
 * the array back, which are zeroed again then (or the whole array, when it names none).
 */
const pool: Float32Array[] = [];
/** Enough for one request's arrays on both arms of the A/B test; more are simply dropped. */
const MAX_POOLED = 8;

/** A zero-filled array of `length` values, from the pool when one of that length is free. */
export function borrowRows(length: number): Float32Array {
  const at = pool.findIndex((array) => array.length === length);
  if (at < 0) return new Float32Array(length);
  const [array] = pool.splice(at, 1);
  return array ?? new Float32Array(length);
}

/**
 * Gives an array back: zeroes the `written` rows (every row when undefined) and pools it. The
 * borrower must not write any other row, nor keep the array.
 */
export function returnRows(array: Float32Array, written: Int32Array | undefined): void {
  if (written) for (const row of written) array[row] = 0;
  else array.fill(0);
  if (pool.length >= MAX_POOLED) pool.shift();
  pool.push(array);
}
