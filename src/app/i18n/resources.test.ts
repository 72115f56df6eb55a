import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { forVisitors } from '../../shared/notices';
import { ERROR_CODES, VISITOR_MESSAGES } from '../../shared/errors';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The variables a string interpolates, without their formats ("{{n, number}}" → "n"). */
const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();

describe('UI strings', () => {
  const english = flatten(en);
  const chinese = flatten(zh);

  it('word every English string in Chinese, with the same variables', () => {
    for (const [key, text] of english) {
      const translated = chinese.get(key);
      expect(translated, key).toBeDefined();
      // A singular form may say "once" instead of the count.
      const used = (t: string) =>
        variables(t).filter((name) => !(key.endsWith('_one') && name === 'count'));
      expect(used(translated ?? ''), key).toEqual(used(text));
    }
  });

  it('word notices and errors in Chinese; in English only notices a visitor sees, if any', () => {
    const byCode = [...chinese.keys()].filter((key) => /^(notice|error)\./.test(key));
    expect(byCode.length).toBeGreaterThan(10);
    const englishNotices = [...english.keys()].filter((key) => key.startsWith('notice.'));
    for (const key of englishNotices) {
      expect(forVisitors(key.slice('notice.'.length)), key).toBe(true);
    }
  });

  it('word in both languages every failure whose message is for the operator, and in Chinese all', () => {
    const operatorCodes = ERROR_CODES.filter((code) => !VISITOR_MESSAGES.has(code));
    const englishErrors = [...english.keys()].filter((key) => key.startsWith('error.'));
    // A message written for the visitor is shown as it is in English (it carries the detail).
    expect(englishErrors.sort()).toEqual(
      [...operatorCodes, 'unexpected'].map((code) => `error.${code}`).sort(),
    );
    for (const code of [...ERROR_CODES, 'unexpected']) {
      expect(chinese.get(`error.${code}`), code).toBeTruthy();
    }
  });
});
