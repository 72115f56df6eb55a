import { useTranslation } from 'react-i18next';
import { asUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../shared/i18n/language';
import { setLanguage } from './i18n';

/** Each language named in itself, so a visitor finds their own whatever the page shows now. */
const NAMES: Record<UiLanguage, string> = { en: 'English', 'zh-Hans': '简体中文' };

/** The visible language switch; the choice is remembered (stored-language.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <select
      aria-label={t('header.language')}
      data-testid="language.switch"
      value={i18n.resolvedLanguage}
      onChange={(event) => {
        const language = asUiLanguage(event.target.value);
        if (language) setLanguage(language);
      }}
    >
      {UI_LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {NAMES[language]}
        </option>
      ))}
    </select>
  );
}
