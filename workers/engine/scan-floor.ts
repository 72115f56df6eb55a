import { normalize, similarities, type ItemMatrix } from '../../src/shared/ranking/matrix';
import { seededRandom } from '../../src/shared/random';

/**
 * The scale benchmark's reference: one bare scan of the item matrix (a dot product of one
 * dense unit query with every row, in the matrix's own form), the floor any ranking that reads
 * every item has to pay. Median of `runs` after one warm-up scan.
 */
export function scanFloorMs(matrix: ItemMatrix, runs: number): number {
  const random = seededRandom(matrix.rows);
  // Dense on purpose: no dim is skipped, so the scan touches every stored entry.
  const query = normalize(Float32Array.from({ length: matrix.dims }, () => random() - 0.5));
  let sink = similarities(matrix, query)[0] ?? 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink += similarities(matrix, query)[0] ?? 0;
    times.push(performance.now() - start);
  }
  if (Number.isNaN(sink)) console.info('The scan produced no number.');
  return times.sort((a, b) => a - b)[runs >> 1] ?? NaN;
}
