import { CatalogueError } from '../errors';
import { normalisedId } from '../ids';
import { describeIssues, describeValue } from './describe-issues';
import { plainlyValidItem } from './fast-item';
import { describeJsonFailure, snippet } from './json-text';
import { parseInSlices, scanCatalogueText } from './json-slices';
import type { z } from '../zod';
import {
  CATALOGUE_LIMITS,
  CATALOGUE_SCHEMA,
  catalogueItemSchema,
  catalogueSchema,
  type Catalogue,
  type CatalogueItem,
} from './schema';

/** Parses and validates catalogue JSON text; throws a CatalogueError a shop owner can act on. */
export function parseCatalogue(text: string): Catalogue {
  return validateCatalogue(parseCatalogueJson(text));
}

/** The JSON value of catalogue text, not yet validated; throws a CatalogueError if it is not JSON. */
export function parseCatalogueJson(text: string): unknown {
  // TextDecoder drops a byte-order mark; text read some other way may still carry one.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // The same scan as the sliced read's, so the two cannot disagree on the limit.
  const { deep } = scanCatalogueText(body, CATALOGUE_LIMITS.depth, SLICE);
  if (deep !== -1) throw tooDeep(deep);
  try {
    return JSON.parse(body);
  } catch (error) {
    throw invalid(describeJsonFailure(body, error));
  }
}

/**
 * As parseCatalogueJson (the same value, the same errors), reading the items a slice at a time
 * (json-slices.ts): after each, `between` is awaited with the items read so far, so a worker can
 * report progress and answer other calls while a large catalogue is read.
 */
export async function parseCatalogueJsonInSlices(
  text: string,
  between: (done: number, total: number) => Promise<void>,
): Promise<unknown> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const scan = scanCatalogueText(body, CATALOGUE_LIMITS.depth, SLICE);
  if (scan.deep !== -1) throw tooDeep(scan.deep);
  try {
    return await parseInSlices(body, scan, SLICE, between);
  } catch (error) {
    throw invalid(describeJsonFailure(body, error));
  }
}

function tooDeep(at: number): CatalogueError {
  return invalid(
    `it nests lists or objects more than ${CATALOGUE_LIMITS.depth} levels deep (at character ${(at + 1).toLocaleString('en')}); a catalogue needs 4.`,
  );
}

/** Validates an already-parsed value against the catalogue contract. */
export function validateCatalogue(json: unknown): Catalogue {
  const steps = validationSteps(json);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * As validateCatalogue (the same checks, the same errors), a slice of items at a time: after
 * each, `between` is awaited with the items checked so far, so a worker can report progress and
 * answer other calls while a large catalogue is checked.
 */
export async function validateCatalogueInSlices(
  json: unknown,
  between: (done: number, total: number) => Promise<void>,
): Promise<Catalogue> {
  const steps = validationSteps(json);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await between(step.value, itemCount(json));
  }
}

/** Items read and checked per slice: tens of milliseconds of work. */
const SLICE = 10_000;

/** The checks, yielding the number of items checked after each slice of them. */
function* validationSteps(json: unknown): Generator<number, Catalogue> {
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
  if (!Array.isArray(items)) return checked(catalogueSchema.safeParse(json), [], json);
  // The rest of the catalogue at once, its items in slices; issues in the order zod gives them.
  const rest = catalogueSchema.safeParse({ ...json, items: [] });
  const checker = new ItemChecker(items.length);
  for (let start = 0; start < items.length; start += SLICE) {
    const end = Math.min(items.length, start + SLICE);
    for (let i = start; i < end; i++) checker.check(items[i], i);
    yield end;
  }
  const catalogue = checked(rest, checker.issues, json);
  catalogue.items = checker.items;
  if (catalogue.items.length === 0) throw invalid('it has no items.');
  checker.assertUniqueIds();
  return catalogue;
}

function itemCount(json: unknown): number {
  const items = (json as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items.length : 0;
}

/** The catalogue a schema check gave, or the error naming its first problems. */
function checked(
  result: ReturnType<typeof catalogueSchema.safeParse>,
  itemIssues: z.core.$ZodIssue[],
  json: unknown,
): Catalogue {
  const issues = result.success ? itemIssues : inItemsPlace(result.error.issues, itemIssues);
  if (issues.length > 0 || !result.success) throw invalid(describeIssues(issues, json));
  return result.data;
}

/** The catalogue's own issues with the items' issues where zod puts them (in schema key order). */
function inItemsPlace(
  issues: readonly z.core.$ZodIssue[],
  itemIssues: z.core.$ZodIssue[],
): z.core.$ZodIssue[] {
  const keys = Object.keys(catalogueSchema.shape);
  const before = (issue: z.core.$ZodIssue) =>
    keys.indexOf(String(issue.path[0])) < keys.indexOf('items');
  return [...issues.filter(before), ...itemIssues, ...issues.filter((issue) => !before(issue))];
}

/**
 * Checks items one by one, keeping their issues (paths from the catalogue's root) and their
 * validated copies; notes the first repeated id, which counts only once the schema is met.
 */
class ItemChecker {
  readonly issues: z.core.$ZodIssue[] = [];
  readonly items: CatalogueItem[];
  private readonly seen = new Map<string, number>();
  private duplicate: CatalogueError | null = null;

  constructor(count: number) {
    this.items = new Array<CatalogueItem>(count);
  }

  check(value: unknown, index: number): void {
    const plain = plainlyValidItem(value);
    if (plain) {
      this.accept(plain, index);
      return;
    }
    const result = catalogueItemSchema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        this.issues.push({ ...issue, path: ['items', index, ...issue.path] });
      }
      return;
    }
    this.accept(result.data, index);
  }

  private accept(item: CatalogueItem, index: number): void {
    this.items[index] = item;
    if (this.duplicate === null) this.duplicate = this.repeated(item.id, index);
  }

  assertUniqueIds(): void {
    if (this.duplicate) throw this.duplicate;
  }

  /**
   * Ids must be unique, also once normalised: "café" and "cafe\u0301" look the same to a person
   * and in a URL bar, so a catalogue holding both is refused rather than one silently winning.
   */
  private repeated(id: string, index: number): CatalogueError | null {
    const key = normalisedId(id);
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, index);
      return null;
    }
    const other = this.items[first]?.id ?? '';
    if (other === id) {
      return invalid(
        `item id ${snippet(id, 80)} is used twice (items ${first + 1} and ${index + 1}).`,
      );
    }
    return invalid(
      `item ids ${marked(other)} (item ${first + 1}) and ${marked(id)} (item ${index + 1}) differ only in how their accents are encoded (Unicode normalisation); give them different ids or write both the same way.`,
    );
  }
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
