import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { forVisitors } from '../../shared/notices';

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
    // Otherwise English shows the worker's message, which is already in English.
    const englishByCode = [...english.keys()].filter((key) => /^(notice|error)\./.test(key));
    for (const key of englishByCode) {
      expect(key.startsWith('notice.'), key).toBe(true);
      expect(forVisitors(key.slice('notice.'.length)), key).toBe(true);
    }
  });
});
