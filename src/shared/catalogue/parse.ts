import type { z } from '../zod';
import { CatalogueError } from '../errors';
import { CATALOGUE_SCHEMA, catalogueSchema, type Catalogue } from './schema';

const MAX_REPORTED_PROBLEMS = 3;

/** Parses and validates catalogue JSON text; throws a CatalogueError a shop owner can act on. */
export function parseCatalogue(text: string): Catalogue {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalid(
      `it is not valid JSON (${detail}). The file may be truncated or not a catalogue at all.`,
    );
  }
  return validateCatalogue(json);
}

/** Validates an already-parsed value against the catalogue contract. */
export function validateCatalogue(json: unknown): Catalogue {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalid('it must be a JSON object with "schema", "id" and "items".');
  }
  const declared = (json as { schema?: unknown }).schema;
  if (declared !== CATALOGUE_SCHEMA) {
    throw invalid(
      `its "schema" is ${declared === undefined ? 'missing' : JSON.stringify(declared)}; this app reads "${CATALOGUE_SCHEMA}".`,
    );
  }
  const result = catalogueSchema.safeParse(json);
  if (!result.success) throw invalid(describeIssues(result.error.issues, json));
  const catalogue = result.data;
  if (catalogue.items.length === 0) throw invalid('it has no items.');
  assertUniqueIds(catalogue);
  return catalogue;
}

function assertUniqueIds(catalogue: Catalogue): void {
  const seen = new Map<string, number>();
  catalogue.items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      throw invalid(`item id "${item.id}" is used twice (items ${first + 1} and ${index + 1}).`);
    }
    seen.set(item.id, index);
  });
}

function describeIssues(issues: readonly z.core.$ZodIssue[], json: unknown): string {
  const parts = issues.slice(0, MAX_REPORTED_PROBLEMS).map((issue) => describeIssue(issue, json));
  const more = issues.length - parts.length;
  return parts.join('; ') + (more > 0 ? ` (and ${more} more problems)` : '') + '.';
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const path = issue.path;
  let where = path.length === 0 ? 'the catalogue' : `"${path.map(String).join('.')}"`;
  if (path[0] === 'items' && typeof path[1] === 'number') {
    const id = itemIdAt(json, path[1]);
    const field = path.slice(2).map(String).join('.');
    where = `item ${path[1] + 1}${id ? ` (id "${id}")` : ''}${field ? `: "${field}"` : ''}`;
  }
  if (issue.code === 'invalid_type') {
    const value = valueAt(json, path);
    const received = value === undefined ? 'missing' : `a ${typeName(value)}`;
    return `${where} must be ${article(issue.expected)}, but it is ${received}`;
  }
  return `${where} ${issue.message}`;
}

function itemIdAt(json: unknown, index: number): string | undefined {
  const items = (json as { items?: unknown }).items;
  const item: unknown = Array.isArray(items) ? items[index] : undefined;
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 80) : undefined;
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'string' ? 'text' : typeof value;
}

function article(expected: string): string {
  const names: Record<string, string> = { string: 'text', array: 'a list', object: 'an object' };
  return names[expected] ?? `a ${expected}`;
}

function invalid(reason: string): CatalogueError {
  return new CatalogueError('catalogue-invalid', `This catalogue cannot be used: ${reason}`);
}
