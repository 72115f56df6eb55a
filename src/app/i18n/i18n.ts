import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { VISITOR_MESSAGES, errorCode, errorMessage } from '../../shared/errors';
import { pickLanguage, type UiLanguage } from '../../shared/i18n/language';
import { logForOperator } from '../operator-log';
import { en } from './en';
import { storedLanguage, storeLanguage } from './stored-language';
import { zh } from './zh';

/**
 * The app's i18next instance: English and Simplified Chinese bundled (a few KB, no loading
 * step), the language chosen by the visitor's switch, else by `navigator.languages`. Plurals,
 * numbers and dates go through the browser's Intl, so no locale data is shipped.
 */
export const i18n: I18n = i18next.createInstance();

export function startI18n(): I18n {
  const language = storedLanguage() ?? pickLanguage(navigator.languages);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-Hans': { translation: zh } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-Hans'],
    // React escapes text itself; catalogue text inside a value is never read as a template.
    interpolation: { escapeValue: false, skipOnVariables: true },
    initAsync: false,
  });
  document.documentElement.lang = language;
  return i18n;
}

/** Switches the UI language and remembers the choice for the next visit. */
export function setLanguage(language: UiLanguage): void {
  storeLanguage(language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** The current UI language, for Intl formatters outside i18next (prices, dates, sizes). */
export function uiLocale(): string {
  return i18n.resolvedLanguage ?? 'en';
}

/** A string in the current language, for callbacks outside rendering (snackbar messages). */
export function translate(key: string, options: Record<string, unknown> = {}): string {
  return i18n.t(key, options);
}

/**
 * A failure in the current language, for the visitor. A message the engine writes for the
 * visitor (VISITOR_MESSAGES: what was not done and why) is shown as it is in English and worded
 * by its code in other languages; any other failure is worded by its code alone, its message
 * going to the console for the site's operator, and one without a code says only that something
 * went wrong.
 */
export function errorText(error: unknown): string {
  const code = errorCode(error);
  const refused = code === 'import-invalid' ? importRefusal(error) : null;
  if (refused && refused.lines.length > 0 && i18n.exists('error.import-invalid-lines')) {
    return i18n.t('error.import-invalid-lines', linesOptions(refused.lines, refused.rejected));
  }
  return failureText(code, errorMessage(error));
}

/**
 * An import's rejected lines in the current language: a language that words them by number
 * (`error.import-lines`; English has none) names their numbers, since the engine's descriptions
 * are English; English shows the descriptions.
 */
export function importProblems(result: {
  rejected: number;
  problems: readonly string[];
  lines: readonly number[];
}): string {
  if (result.lines.length === 0 || !i18n.exists('error.import-lines')) {
    return result.problems.join('; ');
  }
  return i18n.t('error.import-lines', linesOptions(result.lines, result.rejected));
}

/**
 * Line numbers listed in the current language ("1、3、4"), and `more` (等) when they are only
 * some of the rejected lines.
 */
function linesOptions(lines: readonly number[], rejected: number): Record<string, unknown> {
  const more = rejected > lines.length ? i18n.t('error.import-lines-more') : '';
  const list = new Intl.ListFormat(uiLocale(), { type: 'conjunction', style: 'narrow' });
  return { lines: list.format(lines.map(String)), more };
}

/** The rejected lines an import refusal carries (across the worker boundary too). */
function importRefusal(error: unknown): { lines: number[]; rejected: number } {
  const details = (error as { details?: { lines?: unknown; rejected?: unknown } } | null)?.details;
  const lines = Array.isArray(details?.lines)
    ? details.lines.filter((line): line is number => Number.isInteger(line))
    : [];
  const rejected = typeof details?.rejected === 'number' ? details.rejected : lines.length;
  return { lines, rejected };
}

/** errorText() of a failure known by its code and message (e.g. a refused catalogue update). */
export function failureText(code: string | undefined, message: string): string {
  if (code && VISITOR_MESSAGES.has(code)) return i18n.t(`error.${code}`, { defaultValue: message });
  logForOperator(code ?? 'error', message);
  const unexpected = i18n.t('error.unexpected');
  return code ? i18n.t(`error.${code}`, { defaultValue: unexpected }) : unexpected;
}
