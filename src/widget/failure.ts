import { errorCode, errorMessage, type ErrorCode } from '../shared/errors';
import type { WidgetStrings } from './i18n';

type FailureKind = keyof WidgetStrings['failure'];

/** What each failure means to a shop's visitor (a code not here: "something went wrong"). */
const KINDS: Partial<Record<ErrorCode, FailureKind>> = {
  'catalogue-invalid': 'catalogue',
  'catalogue-unreachable': 'catalogue',
  'catalogue-missing': 'catalogue',
  'storage-quota': 'storageFull',
  'storage-unavailable': 'storage',
  'engine-not-ready': 'engine',
  'engine-crashed': 'engine',
  'model-unavailable': 'engine',
  'model-invalid': 'engine',
  'argument-invalid': 'setup',
  'widget-not-configured': 'setup',
  'widget-isolated': 'setup',
};

/**
 * A failure in the widget's language, for the shop's visitor: what it means to them, never the
 * engine's message (it may name an address, a status code or an attribute). The message goes to
 * the console, where the shop's developers look.
 */
export function failureText(strings: WidgetStrings, error: unknown): string {
  console.warn(`<private-recs>: ${errorMessage(error)}`);
  const code = errorCode(error);
  return strings.failure[(code && KINDS[code]) || 'unexpected'];
}
