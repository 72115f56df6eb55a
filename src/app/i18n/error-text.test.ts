import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  EngineError,
  ImportRejectedError,
  ModelError,
  PrivateRecsError,
} from '../../shared/errors';
import { en } from './en';
import { errorText, failureText, i18n, importProblems } from './i18n';
import { zh } from './zh';

const OPERATOR_DETAIL =
  'The text model "Xenova/x" is not installed on this site (/models/Xenova/x/config.json answered 404). Run "npm run models -- Xenova/x" to install it.';

describe('errorText', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { en: { translation: en }, 'zh-Hans': { translation: zh } },
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await i18n.changeLanguage('en');
  });

  it('shows a message written for the visitor as it is in English, by its code in Chinese', async () => {
    const error = new ImportRejectedError('Nothing was imported: line 1: not valid JSON.', {
      imported: 0,
      rejected: 1,
      problems: [],
      lines: [],
    });
    expect(errorText(error)).toBe('Nothing was imported: line 1: not valid JSON.');
    await i18n.changeLanguage('zh-Hans');
    expect(errorText(error)).toBe(zh.error['import-invalid']);
  });

  it('names the bad lines of an import refusal by number in Chinese, with 等 when it names only some', async () => {
    const refused = new ImportRejectedError('Nothing was imported: line 2: not valid JSON; …', {
      imported: 0,
      rejected: 3,
      problems: ['line 2: not valid JSON', 'line 5: "type" is wrong', 'line 7: not valid JSON'],
      lines: [2, 5, 7],
    });
    expect(errorText(refused)).toBe(refused.message);
    await i18n.changeLanguage('zh-Hans');
    expect(errorText(refused)).toBe(
      '这个文件无法导入：第 2、5、7 行不是有效的记录。历史记录没有改变。',
    );
    // Across the worker boundary the refusal is a plain object with its details.
    const crossed = {
      name: 'ImportRejectedError',
      code: 'import-invalid',
      message: 'x',
      details: { imported: 0, rejected: 40, problems: [], lines: [4, 6, 8, 10, 12] },
    };
    // Five named of 40 rejected: 等.
    expect(errorText(crossed)).toBe(
      '这个文件无法导入：第 4、6、8、10、12 行等不是有效的记录。历史记录没有改变。',
    );
    // A file wrong as a whole (no line numbers) keeps the general wording.
    const whole = { code: 'import-invalid', message: 'x', details: { rejected: 0, lines: [] } };
    expect(errorText(whole)).toBe(zh.error['import-invalid']);
    const partial = { rejected: 9, problems: ['line 1: not JSON'], lines: [1, 3, 4, 8, 9] };
    expect(importProblems(partial)).toBe('第 1、3、4、8、9 行等不是有效的记录');
    await i18n.changeLanguage('en');
    expect(importProblems(partial)).toBe('line 1: not JSON');
  });

  it('words an operator’s message by its code and sends the detail to the console', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const error = new ModelError('model-unavailable', OPERATOR_DETAIL);
    expect(errorText(error)).toBe(en.error['model-unavailable']);
    expect(info).toHaveBeenCalledWith(`private-recs (model-unavailable): ${OPERATOR_DETAIL}`);
    await i18n.changeLanguage('zh-Hans');
    expect(errorText(error)).toBe(zh.error['model-unavailable']);
  });

  it('never shows a command, a path or a status code, whatever was thrown', () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const thrown = [
      new ModelError('model-unavailable', OPERATOR_DETAIL),
      new EngineError('worker.js answered 503 Service Unavailable'),
      new PrivateRecsError('catalogue-unreachable', 'GET /catalogue.json answered 404 Not Found'),
      new TypeError("Cannot read properties of undefined (reading 'rows') at engine.ts:120"),
      'a bare string thrown by a library: /tmp/x 500',
    ];
    for (const error of thrown) {
      const text = errorText(error);
      expect(text, String(error)).not.toMatch(/npm|\/|\.ts|\b\d{3}\b|undefined/);
    }
    expect(errorText(new TypeError('x'))).toBe(en.error.unexpected);
    expect(failureText(undefined, 'detail')).toBe(en.error.unexpected);
  });
});
