import { seededRandom } from '../../src/shared/random';

export type Rng = () => number;

/** mulberry32: the project's seeded PRNG (identical output on every platform). */
export const mulberry32: (seed: number) => Rng = seededRandom;

/** A uniformly random index into a list of the given length. */
export function pickIndex(rng: Rng, length: number): number {
  return Math.floor(rng() * length);
}

/** A uniformly random element of a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[pickIndex(rng, items.length)];
  if (item === undefined) throw new Error('Cannot pick from an empty list.');
  return item;
}

/** A uniformly random integer from min to max, both included. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + pickIndex(rng, max - min + 1);
}

/** A shuffled copy of a list (Fisher-Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = pickIndex(rng, i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
