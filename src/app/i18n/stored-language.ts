import { asUiLanguage, type UiLanguage } from '../../shared/i18n/language';

/**
 * The language the visitor chose with the switch. It is kept in `localStorage`, not in the
 * engine's IndexedDB: it must be known synchronously before the first paint (no flash of the
 * other language while the worker starts), and it is a display setting, not behaviour.
 */
const KEY = 'private-recs:language';

export function storedLanguage(): UiLanguage | null {
  try {
    return asUiLanguage(window.localStorage.getItem(KEY));
  } catch (error) {
    // Storage can be blocked (some private modes): the browser's languages decide instead.
    console.warn('The chosen language could not be read; using the browser languages.', error);
    return null;
  }
}

export function storeLanguage(language: UiLanguage): void {
  try {
    window.localStorage.setItem(KEY, language);
  } catch (error) {
    console.warn('The chosen language could not be remembered for the next visit.', error);
  }
}
