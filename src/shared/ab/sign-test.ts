/**
 * Two-sided exact sign test: the probability, if both strategies were equally good, of a split
 * at least as uneven as `wins` against `losses` (ties are left out before counting).
 */
export function signTest(wins: number, losses: number): number {
  const n = wins + losses;
  if (n === 0) return 1;
  const k = Math.min(wins, losses);
  // Σ C(n, i) / 2^n for i ≤ k, in logs: n can be large enough for 2^n to overflow.
  let logChoose = 0;
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logChoose - n * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}
