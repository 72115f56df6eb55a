import { describe, expect, it } from 'vitest';
import { asUiLanguage, pickLanguage } from './language';

describe('pickLanguage', () => {
  it('gives Simplified Chinese for zh, zh-CN and zh-Hans', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'ZH_cn']) {
      expect(pickLanguage([tag])).toBe('zh-Hans');
    }
  });

  it('takes the first supported language in order of preference', () => {
    expect(pickLanguage(['fr-FR', 'zh-CN', 'en'])).toBe('zh-Hans');
    expect(pickLanguage(['en-GB', 'zh-CN'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage(['de', null, undefined, ''])).toBe('en');
  });
});

describe('asUiLanguage', () => {
  it('accepts only the UI languages themselves', () => {
    expect(asUiLanguage('zh-Hans')).toBe('zh-Hans');
    expect(asUiLanguage('en')).toBe('en');
    expect(asUiLanguage('zh')).toBeNull();
    expect(asUiLanguage(null)).toBeNull();
  });
});
