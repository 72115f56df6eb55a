/**
 * Ids (items, catalogues, campaigns) are opaque text, but two rules keep them usable everywhere:
 * they are well-formed Unicode, and two ids never differ only in Unicode normalisation.
 */

/** A lone surrogate half, the one thing that makes a JavaScript string ill-formed Unicode. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * True when `text` has no lone surrogate: what `String.prototype.isWellFormed` (ES2024) checks.
 * An ill-formed id cannot be put into a URL (`encodeURIComponent` throws "URI malformed") nor
 * written as UTF-8 without changing it.
 */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** `text` with each lone surrogate replaced by U+FFFD (`String.prototype.toWellFormed`). */
export function toWellFormed(text: string): string {
  return text.replace(/\p{Surrogate}/gu, '\uFFFD');
}

/** The message for an ill-formed id, after the field's name. */
export const ILL_FORMED_ID =
  'is not well-formed Unicode (it holds half of a character pair); write it as plain text';

/**
 * The form two ids share when they differ only in how accents are encoded ("café" written with
 * one code point or as "e" plus a combining accent): look the same, are different strings.
 */
export function normalisedId(id: string): string {
  return id.normalize('NFC');
}
