import { afterEach, describe, expect, it, vi } from 'vitest';
import { CatalogueError, EngineError, ERROR_CODES, PrivateRecsError } from '../shared/errors';
import { failureText } from './failure';
import { widgetStrings } from './i18n';

/** A stand-in for the element: widgetStrings() reads its lang attribute only. */
const element = (lang: string) =>
  ({
    getAttribute: (name: string) => (name === 'lang' ? lang : null),
    ownerDocument: { documentElement: { getAttribute: () => null } },
  }) as unknown as Element;

describe('failureText', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('tells the visitor what a failure means and the console what happened', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const en = widgetStrings(element('en'));
    const detail = 'The catalogue could not be downloaded: the server answered 404 Not Found.';
    expect(failureText(en, new CatalogueError('catalogue-unreachable', detail))).toBe(
      en.failure.catalogue,
    );
    expect(warn).toHaveBeenCalledWith(`<private-recs>: ${detail}`);
    expect(failureText(en, new EngineError('The engine stopped.'))).toBe(en.failure.engine);
    expect(failureText(en, new TypeError('x is undefined'))).toBe(en.failure.unexpected);
  });

  it('never shows the message, in either language, for any code', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const marker = 'GET /catalogue.json 503 npm run models';
    for (const lang of ['en', 'zh']) {
      const strings = widgetStrings(element(lang));
      for (const code of ERROR_CODES) {
        const text = failureText(strings, new PrivateRecsError(code, marker));
        expect(text, `${lang} ${code}`).not.toContain('503');
        expect(text.length, `${lang} ${code}`).toBeGreaterThan(3);
      }
    }
  });
});
