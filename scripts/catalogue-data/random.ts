export type Rng = () => number;

/** mulberry32: a small 32-bit PRNG whose output is identical on every platform. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
