import type { Example } from './examples';

/**
 * Splits examples into training and recent ones held out for early stopping. The newest event's
 * examples always train: the interaction that triggered a run must move the weights in that run,
 * not one run later; the events just before it are the held-out check.
 */
export function splitRecent(
  examples: readonly Example[],
  share = 0.2,
): { train: Example[]; valid: Example[] } {
  const positives = examples.filter((e) => e.label === 1).length;
  if (positives < 5) return { train: [...examples], valid: [] };
  const newest = examples.reduce((max, e) => Math.max(max, e.at), -Infinity);
  const older = examples.filter((e) => e.at < newest);
  const cutoff = older[Math.floor(older.length * (1 - share))]?.at ?? newest;
  const held = (e: Example) => e.at >= cutoff && e.at < newest;
  return { train: examples.filter((e) => !held(e)), valid: examples.filter(held) };
}
