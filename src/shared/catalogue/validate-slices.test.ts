import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badCatalogues, generatedCatalogue } from '../../../test/generators/bad-catalogues';
import { describeIssues } from './describe-issues';
import {
  parseCatalogueJson,
  parseCatalogueJsonInSlices,
  validateCatalogue,
  validateCatalogueInSlices,
} from './parse';
import { catalogueSchema } from './schema';

const good = readFileSync('public/catalogue.json', 'utf8');

/** The refusal's message, or null when the value is accepted. */
async function refusal(check: () => unknown): Promise<string | null> {
  try {
    await check();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** What validating the whole catalogue with one zod call says (the schema issues, if any). */
function wholeSchemaMessage(json: unknown): string | null {
  const result = catalogueSchema.safeParse(json);
  if (result.success) return null;
  return `This catalogue cannot be used: ${describeIssues(result.error.issues, json)}`;
}

const pass = () => Promise.resolve();

describe('validateCatalogueInSlices', () => {
  it('refuses every malformed catalogue with the message of the one-call check', async () => {
    let compared = 0;
    for (const c of badCatalogues(good)) {
      const body = c.body();
      let json: unknown;
      try {
        json = parseCatalogueJson(typeof body === 'string' ? body : new TextDecoder().decode(body));
      } catch {
        continue;
      }
      const sliced = await refusal(() => validateCatalogueInSlices(json, pass));
      expect(sliced, c.name).toBe(await refusal(() => validateCatalogue(json)));
      const whole = wholeSchemaMessage(json);
      // The shape, schema and item count are checked before zod runs, as they always were.
      const before = /this app reads|must be a JSON object/.test(sliced ?? '');
      if (whole !== null && !before) {
        expect(sliced, c.name).toBe(whole);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(50);
  }, 120_000);

  it('orders problems across slices and around the items as zod does', async () => {
    const json = JSON.parse(generatedCatalogue(25_000)) as Record<string, unknown> & {
      items: Record<string, unknown>[];
    };
    json.id = '';
    json.campaigns = 'soon';
    (json.items[3] as { title: unknown }).title = 7;
    (json.items[24_000] as { price: unknown }).price = -1;
    const message = await refusal(() => validateCatalogueInSlices(json, pass));
    expect(message).toBe(wholeSchemaMessage(json));
    expect(message).toMatch(/"id".*item 4.*item 24001/);
  });

  it('reports each slice and returns what the one-call check returns', async () => {
    const json: unknown = JSON.parse(generatedCatalogue(25_000));
    const seen: [number, number][] = [];
    const catalogue = await validateCatalogueInSlices(json, (done, total) => {
      seen.push([done, total]);
      return Promise.resolve();
    });
    expect(seen).toEqual([
      [10_000, 25_000],
      [20_000, 25_000],
      [25_000, 25_000],
    ]);
    expect(catalogue).toEqual(catalogueSchema.parse(json));
    expect(Object.keys(catalogue)).toEqual(Object.keys(catalogueSchema.parse(json)));
  });
});

describe('parseCatalogueJsonInSlices', () => {
  it('reads every generated catalogue, good or malformed, as the one-call read does', async () => {
    const bodies = [
      good,
      `\uFEFF${good}`,
      generatedCatalogue(25_000),
      ...badCatalogues(good).map((c) => {
        const body = c.body();
        return typeof body === 'string' ? body : new TextDecoder().decode(body);
      }),
    ];
    let refused = 0;
    for (const text of bodies) {
      const once = await refusal(() => parseCatalogueJson(text));
      const sliced = await refusal(() => parseCatalogueJsonInSlices(text, pass));
      expect(sliced).toBe(once);
      if (once !== null) refused += 1;
    }
    expect(refused).toBeGreaterThan(20);
    // The same value (compared in full for the good ones; the others are large).
    for (const text of bodies.slice(0, 3)) {
      expect(await parseCatalogueJsonInSlices(text, pass)).toEqual(parseCatalogueJson(text));
    }
  }, 60_000);

  it('reports the items read after each slice of 10,000', async () => {
    const calls: [number, number][] = [];
    await parseCatalogueJsonInSlices(generatedCatalogue(25_000), (done, total) => {
      calls.push([done, total]);
      return Promise.resolve();
    });
    expect(calls).toEqual([
      [10_000, 25_000],
      [20_000, 25_000],
      [25_000, 25_000],
    ]);
  });
});
