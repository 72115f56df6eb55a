/** The UI languages: English and Simplified Chinese (BCP 47 tags, as `<html lang>` wants them). */
export const UI_LANGUAGES = ['en', 'zh-Hans'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The UI language for a list of preferred language tags (`navigator.languages`, a `lang`
 * attribute), first match wins: any Chinese tag (zh, zh-CN, zh-Hans, …) gives Simplified Chinese,
 * any English tag English; with no match, English.
 */
export function pickLanguage(preferred: readonly (string | null | undefined)[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-Hans';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** A stored or typed tag if it is one of the UI languages exactly, else null. */
export function asUiLanguage(tag: string | null | undefined): UiLanguage | null {
  return (UI_LANGUAGES as readonly string[]).includes(tag ?? '') ? (tag as UiLanguage) : null;
}
