import { afterEach, describe, expect, it, vi } from 'vitest';
import { widgetLanguage, widgetStrings } from './i18n';

/** A stand-in for the element: only the attributes widgetLanguage() reads. */
function element(own: string | null, page: string | null): Element {
  const attribute = (value: string | null) => (name: string) => (name === 'lang' ? value : null);
  return {
    getAttribute: attribute(own),
    ownerDocument: { documentElement: { getAttribute: attribute(page) } },
  } as unknown as Element;
}

describe('widgetLanguage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('follows the lang attribute, else <html lang>, else the browser', () => {
    vi.stubGlobal('navigator', { languages: ['zh-CN', 'en'] });
    expect(widgetLanguage(element('en', 'zh-Hans'))).toBe('en');
    expect(widgetLanguage(element(null, 'zh-CN'))).toBe('zh-Hans');
    expect(widgetLanguage(element(null, null))).toBe('zh-Hans');
    expect(widgetLanguage(element('', ' '))).toBe('zh-Hans');
  });

  it('gives English where the first language set is not supported', () => {
    vi.stubGlobal('navigator', { languages: ['zh-CN'] });
    expect(widgetLanguage(element(null, 'de'))).toBe('en');
  });

  it('has the same strings in both languages', () => {
    vi.stubGlobal('navigator', { languages: [] });
    const en = widgetStrings(element('en', null));
    const zh = widgetStrings(element('zh', null));
    expect(Object.keys(zh)).toEqual(Object.keys(en));
    expect(Object.keys(zh.dataTypes)).toEqual(Object.keys(en.dataTypes));
    expect(Object.keys(zh.failure)).toEqual(Object.keys(en.failure));
    expect(zh.dataExported('f.jsonl')).toContain('f.jsonl');
    expect(zh.dataFailed('x')).toContain('x');
    expect(zh.unavailable('x')).toContain('x');
    expect(zh.footer).not.toBe(en.footer);
  });
});
