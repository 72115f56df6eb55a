import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  badImports,
  countImportKinds,
  repeatedText,
  type BadImport,
} from '../../../test/generators/bad-imports';
import { messageProblems } from '../../../test/generators/plain-message';
import { importRejected } from './import-file';
import { parseJsonl } from './jsonl';
import { interactionKey } from './types';

const catalogue = JSON.parse(readFileSync('public/catalogue.json', 'utf8')) as {
  items: { id: string }[];
};
const ids = catalogue.items.map((item) => item.id);
const now = Date.UTC(2026, 10, 22, 12);
const cases = badImports(ids, now);

function text(c: BadImport): string {
  const body = c.body();
  if (typeof body === 'string') return body;
  return body instanceof Uint8Array ? new TextDecoder().decode(body) : repeatedText(body);
}

describe('the generated hostile import files', () => {
  it('number a few dozen, across every kind, with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(Object.keys(countImportKinds(cases))).toHaveLength(11);
  });

  it.each(cases.map((c) => [`${c.kind}: ${c.name}`, c] as const))(
    'parseJsonl handles %s as expected',
    (_, c) => {
      const body = text(c);
      const parsed = parseJsonl(body, now);
      // Only a list or a multi-line document is called "one JSON document", never a JSON line.
      const document = body.trim().startsWith('[') || /one JSON document/.test(c.mentions.source);
      expect(parsed.problems.some((p) => p.includes('one JSON document'))).toBe(document);
      const added = [...new Map(parsed.interactions.map((e) => [interactionKey(e), e])).values()];
      expect(added).toEqual(c.adds);
      expect(parsed.rejected).toBe(c.rejected);
      if (c.adds.length === 0 && parsed.settings === null) {
        const error = importRejected(parsed);
        expect(error.code).toBe('import-invalid');
        expect(error.details).toMatchObject({ imported: 0, rejected: c.rejected });
        expect(messageProblems(error.message)).toEqual([]);
        expect(error.message).toMatch(c.mentions);
        expect(error.message).toMatch(/^Nothing was imported: .*Your history is unchanged\.$/);
      } else {
        expect(parsed.problems.join('\n')).toMatch(c.rejected > 0 ? c.mentions : /^$/);
      }
    },
  );

  it('pollutes no prototype', () => {
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
