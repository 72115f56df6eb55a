import { SIGNAL_HALF_LIFE_MS } from './signals';

/**
 * What the visitor told the app in words rather than by acting on items: interests picked on a
 * first visit ("Cycling", or typed words) and searches they typed. Kept on the device only (in
 * `settings.localSignals`, exported, erased with everything else), shown and deletable on
 * "Your data", and a weak signal: they lean the feed while little else is known, and decay.
 */
export interface LocalSignal {
  kind: 'picked' | 'search';
  text: string;
  ts: number;
}

/** Kept at most (the oldest go first). */
export const MAX_LOCAL_SIGNALS = 50;
export const MAX_LOCAL_SIGNAL_TEXT = 100;
/** A search weighs less than an interest the visitor picked on purpose. */
const WEIGHT: Record<LocalSignal['kind'], number> = { picked: 1, search: 0.5 };

/** The text as kept: trimmed, spaces folded, cut to the limit; '' when nothing is left. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_LOCAL_SIGNAL_TEXT);
}

const same = (a: LocalSignal, kind: LocalSignal['kind'], text: string) =>
  a.kind === kind && a.text.toLocaleLowerCase() === text.toLocaleLowerCase();

/** Adds (or renews) one signal; the list stays at most MAX_LOCAL_SIGNALS long, newest last. */
export function withSignal(
  list: readonly LocalSignal[],
  kind: LocalSignal['kind'],
  text: string,
  now: number,
): LocalSignal[] {
  const clean = cleanText(text);
  if (!clean) return [...list];
  return [...list.filter((s) => !same(s, kind, clean)), { kind, text: clean, ts: now }].slice(
    -MAX_LOCAL_SIGNALS,
  );
}

/** Replaces the picked interests, keeping the searches. */
export function withPicked(
  list: readonly LocalSignal[],
  texts: readonly string[],
  now: number,
): LocalSignal[] {
  let out = list.filter((s) => s.kind !== 'picked');
  for (const text of texts) out = withSignal(out, 'picked', text, now);
  return out;
}

/** Removes one signal (by kind and text, case-insensitively). */
export function withoutSignal(
  list: readonly LocalSignal[],
  kind: LocalSignal['kind'],
  text: string,
): LocalSignal[] {
  return list.filter((s) => !same(s, kind, cleanText(text)));
}

/** Each signal's weight now: its kind's weight, halving every SIGNAL_HALF_LIFE_MS. */
export function localWeights(
  list: readonly LocalSignal[],
  now: number,
): { text: string; weight: number }[] {
  return list.map((s) => ({
    text: s.text,
    weight: WEIGHT[s.kind] * 0.5 ** (Math.max(0, now - s.ts) / SIGNAL_HALF_LIFE_MS),
  }));
}

/** The stored value read back; anything malformed is dropped. */
export function parseLocalSignals(value: unknown): LocalSignal[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (s): s is LocalSignal =>
        typeof s === 'object' &&
        s !== null &&
        ((s as LocalSignal).kind === 'picked' || (s as LocalSignal).kind === 'search') &&
        typeof (s as LocalSignal).text === 'string' &&
        cleanText((s as LocalSignal).text) !== '' &&
        Number.isFinite((s as LocalSignal).ts),
    )
    .slice(-MAX_LOCAL_SIGNALS);
}
