import { signTest } from './sign-test';
import type { Team } from './team-draft';

/** Evidence needed before the feed settles on one strategy: a sign test at p < 0.05. */
export const SIGNIFICANCE = 0.05;

/** The stored tally of a visitor's interleaving experiment (the `experiment` setting). */
export interface Tally {
  /** Engagements credited to each strategy. */
  a: number;
  b: number;
  /** When the tally started (ms); a reset starts a new one. */
  since: number;
}

export function emptyTally(now: number): Tally {
  return { a: 0, b: 0, since: now };
}

/** A stored value as a tally; anything damaged or missing starts a new one. */
export function readTally(value: unknown, now: number): Tally {
  const v = value as Partial<Record<keyof Tally, unknown>> | null;
  const count = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (v && count(v.a) && count(v.b) && typeof v.since === 'number' && Number.isFinite(v.since)) {
    return { a: v.a as number, b: v.b as number, since: v.since };
  }
  return emptyTally(now);
}

export function credit(tally: Tally, team: Team): Tally {
  return { ...tally, [team]: tally[team] + 1 };
}

/** The sign test's p-value, and the winner once it is below SIGNIFICANCE (null until then). */
export function verdict(tally: Tally): { p: number; winner: Team | null } {
  const p = signTest(tally.a, tally.b);
  if (p >= SIGNIFICANCE) return { p, winner: null };
  return { p, winner: tally.a > tally.b ? 'a' : 'b' };
}
