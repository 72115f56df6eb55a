/** The shape of a malformed-catalogue case, and the helpers every family of cases builds on. */
import { CATALOGUE_SCHEMA } from '../../src/shared/catalogue/schema';

export type BadCatalogueKind =
  | 'invalid-json'
  | 'truncated'
  | 'wrong-type'
  | 'missing-id'
  | 'duplicate-id'
  | 'enormous-string'
  | 'huge'
  | 'deep-nesting'
  | 'schema-version'
  | 'content-type'
  | 'http-status';

/** One malformed response: built on demand (the 100,000-item bodies are megabytes). */
export interface BadCatalogue {
  name: string;
  kind: BadCatalogueKind;
  body: () => string | Uint8Array;
  contentType: string;
  status: number;
  /** What the refusal's message must name. */
  mentions: RegExp;
  /** Refused by parseCatalogue on its own; false when only the download (status, type) is wrong. */
  parseRefuses: boolean;
}

/** A case's fields before defaults: JSON with status 200 that the parser refuses. */
export type CaseSpec = Pick<BadCatalogue, 'name' | 'body' | 'mentions'> &
  Partial<Omit<BadCatalogue, 'name' | 'body' | 'mentions' | 'kind'>>;

/** Fills in the defaults of a family's cases. */
export function family(kind: BadCatalogueKind, specs: readonly CaseSpec[]): BadCatalogue[] {
  return specs.map((spec) => ({
    contentType: 'application/json',
    status: 200,
    parseRefuses: true,
    ...spec,
    kind,
  }));
}

/** A small valid catalogue; each call returns a fresh copy to mutate. */
export function baseCatalogue(): Record<string, unknown> & { items: Record<string, unknown>[] } {
  return {
    schema: CATALOGUE_SCHEMA,
    id: 'robust-shop',
    version: '1',
    items: [
      { id: 'a-1', title: 'Enamel kettle', category: 'Kitchen > Kettles', tags: ['enamel'] },
      { id: 'b-2', title: 'Trail tent', description: 'Two-person tent.', price: 120 },
      { id: 'c-3', title: 'Board game', popularity: 0.4, available: true },
    ],
  };
}

/** The categories of generatedCatalogue: item i ("g-i") is in category i mod 6. */
export const GENERATED_CATEGORIES = ['Books', 'Garden', 'Kitchen', 'Music', 'Outdoor', 'Toys'];

/** A valid catalogue of `count` generated items (for the large-catalogue checks). */
export function generatedCatalogue(count: number, id = 'big-shop'): string {
  const items: string[] = [];
  const categories = GENERATED_CATEGORIES;
  for (let i = 0; i < count; i++) {
    const category = categories[i % categories.length] ?? 'Books';
    items.push(
      JSON.stringify({
        id: `g-${i}`,
        title: `${category} item ${i}`,
        category,
        popularity: (i * 7919) % 1000,
      }),
    );
  }
  return `{"schema":"${CATALOGUE_SCHEMA}","id":"${id}","version":"${count}","items":[${items.join(',')}]}`;
}
