import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogueError } from '../errors';
import {
  badCatalogues,
  countByKind,
  generatedCatalogue,
  type BadCatalogue,
} from '../../../test/generators/bad-catalogues';
import { messageProblems } from '../../../test/generators/plain-message';
import { parseCatalogue } from './parse';

const good = readFileSync('public/catalogue.json', 'utf8');
const cases = badCatalogues(good);
/** Kinds whose fault is in the response (status, type, length), not in the text alone. */
const DOWNLOAD_KINDS = new Set(['content-type', 'http-status']);

function text(c: BadCatalogue): string {
  const body = c.body();
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

function refusal(c: BadCatalogue): CatalogueError {
  try {
    parseCatalogue(text(c));
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error(`"${c.name}" was accepted`);
}

describe('the generated malformed catalogues', () => {
  it('number at least 200, across every kind, with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const count of Object.values(countByKind(cases))) expect(count).toBeGreaterThanOrEqual(7);
    expect(Object.keys(countByKind(cases))).toHaveLength(11);
  });

  it.each(cases.filter((c) => c.parseRefuses).map((c) => [`${c.kind}: ${c.name}`, c] as const))(
    'parseCatalogue refuses %s with a plain message naming the fault',
    (_, c) => {
      const error = refusal(c);
      expect(error.code).toBe('catalogue-invalid');
      expect(messageProblems(error.message)).toEqual([]);
      expect(error.message).toMatch(/^This catalogue cannot be used: /);
      if (!DOWNLOAD_KINDS.has(c.kind)) expect(error.message).toMatch(c.mentions);
    },
    // The largest cases are tens of megabytes of JSON: seconds of parsing on a busy 2-core box.
    60_000,
  );

  it('leaves the cases only a download check can see to the download', () => {
    const passing = cases.filter((c) => !c.parseRefuses);
    expect(passing.length).toBeGreaterThan(0);
    for (const c of passing) expect(parseCatalogue(text(c)).items.length).toBeGreaterThan(0);
  });
});

describe('catalogue limits', () => {
  it('accepts a valid catalogue of 100,000 items', () => {
    expect(parseCatalogue(generatedCatalogue(100_000)).items).toHaveLength(100_000);
  });

  it('accepts the demo catalogue with a byte-order mark and nesting up to the limit', () => {
    expect(parseCatalogue(`\uFEFF${good}`).items.length).toBe(1217);
    const extra = `${'['.repeat(30)}${']'.repeat(30)}`;
    const catalogue = good.replace('{', `{"extra":${extra},`);
    expect(parseCatalogue(catalogue).id).toBe('demo-shop');
  });

  it('reads nesting inside strings as text', () => {
    const deepText = JSON.stringify('['.repeat(1000) + '\\"{'.repeat(100));
    expect(parseCatalogue(good.replace('"version":', `"note":${deepText},"version":`)).id).toBe(
      'demo-shop',
    );
  });
});
