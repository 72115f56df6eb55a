import { CatalogueError } from '../errors';
import { normalisedId } from '../ids';
import { describeIssues, describeValue } from './describe-issues';
import { describeJsonFailure, nestingBeyond, snippet } from './json-text';
import { CATALOGUE_LIMITS, CATALOGUE_SCHEMA, catalogueSchema, type Catalogue } from './schema';

/** Parses and validates catalogue JSON text; throws a CatalogueError a shop owner can act on. */
export function parseCatalogue(text: string): Catalogue {
  // TextDecoder drops a byte-order mark; text read some other way may still carry one.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const deep = nestingBeyond(body, CATALOGUE_LIMITS.depth);
  if (deep !== -1) {
    throw invalid(
      `it nests lists or objects more than ${CATALOGUE_LIMITS.depth} levels deep (at character ${(deep + 1).toLocaleString('en')}); a catalogue needs 4.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw invalid(describeJsonFailure(body, error));
  }
  return validateCatalogue(json);
}

/** Validates an already-parsed value against the catalogue contract. */
export function validateCatalogue(json: unknown): Catalogue {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalid(
      `it must be a JSON object with "schema", "id" and "items", but it is ${describeValue(json)}.`,
    );
  }
  assertSchema(Object.hasOwn(json, 'schema') ? (json as { schema: unknown }).schema : undefined);
  const items = (json as { items?: unknown }).items;
  // Counted before validating: checking 10 million items only to refuse them would take long.
  if (Array.isArray(items) && items.length > CATALOGUE_LIMITS.items) {
    throw invalid(
      `it has ${items.length.toLocaleString('en')} items; this app reads at most ${CATALOGUE_LIMITS.items.toLocaleString('en')}.`,
    );
  }
  const result = catalogueSchema.safeParse(json);
  if (!result.success) throw invalid(describeIssues(result.error.issues, json));
  const catalogue = result.data;
  if (catalogue.items.length === 0) throw invalid('it has no items.');
  assertUniqueIds(catalogue);
  return catalogue;
}

function assertSchema(declared: unknown): void {
  if (declared === CATALOGUE_SCHEMA) return;
  const [name, version] = CATALOGUE_SCHEMA.split('@');
  const newer =
    typeof declared === 'string' && declared.startsWith(`${name ?? ''}@`)
      ? Number(declared.slice((name ?? '').length + 1)) > Number(version)
      : false;
  const shown =
    declared === undefined
      ? 'missing'
      : typeof declared === 'string'
        ? snippet(declared, 60)
        : describeValue(declared);
  throw invalid(
    `its "schema" is ${shown}; this app reads "${CATALOGUE_SCHEMA}".` +
      (newer ? ' The catalogue was written for a newer version of this app.' : ''),
  );
}

/**
 * Ids must be unique, also once normalised: "café" and "cafe\u0301" look the same to a person
 * and in a URL bar, so a catalogue holding both is refused rather than one silently winning.
 */
function assertUniqueIds(catalogue: Catalogue): void {
  const seen = new Map<string, number>();
  catalogue.items.forEach((item, index) => {
    const key = normalisedId(item.id);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    const other = catalogue.items[first]?.id ?? '';
    if (other === item.id) {
      throw invalid(
        `item id ${snippet(item.id, 80)} is used twice (items ${first + 1} and ${index + 1}).`,
      );
    }
    throw invalid(
      `item ids ${marked(other)} (item ${first + 1}) and ${marked(item.id)} (item ${index + 1}) differ only in how their accents are encoded (Unicode normalisation); give them different ids or write both the same way.`,
    );
  });
}

/** An id quoted with its combining marks escaped, so that two twins read differently. */
function marked(id: string): string {
  return snippet(id, 80).replace(
    /\p{M}/gu,
    (mark) => `\\u${(mark.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

function invalid(reason: string): CatalogueError {
  return new CatalogueError('catalogue-invalid', `This catalogue cannot be used: ${reason}`);
}
