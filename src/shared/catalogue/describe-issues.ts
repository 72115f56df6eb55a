import type { z } from '../zod';
import { snippet } from './json-text';

const MAX_REPORTED_PROBLEMS = 3;

/** Schema problems as one sentence naming each item and field ("item 2 (id "x"): …"). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], json: unknown): string {
  // One problem per field: a list in place of a title is not also "empty".
  const seen = new Set<string>();
  const distinct = issues.filter((issue) => {
    const key = issue.path.map(String).join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const parts = distinct.slice(0, MAX_REPORTED_PROBLEMS).map((issue) => describeIssue(issue, json));
  const more = distinct.length - parts.length;
  const tail = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';
  return `${parts.join('; ')}${tail}.`;
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const path = issue.path;
  const where = describePlace(path, json);
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(json, path);
      const received = value === undefined ? 'missing' : describeValue(value);
      return `${where} must be ${expectedName(issue.expected)}, but it is ${received}`;
    }
    case 'invalid_value':
      return `${where} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return path[0] === 'vectors'
        ? `${where} must describe a vector file (kind, model, dims, dtype, url), or list at most 4 of them`
        : `${where} has the wrong shape`;
    default:
      // The schema's own messages are written to follow the place ("is longer than …").
      return `${where} ${issue.message}`;
  }
}

/** "the catalogue", "item 3 (id "x"): "title"", or a quoted field path. */
function describePlace(path: readonly PropertyKey[], json: unknown): string {
  if (path.length === 0) return 'the catalogue';
  if (path[0] === 'items' && typeof path[1] === 'number') {
    const id = valueAt(json, ['items', path[1], 'id']);
    const field = path.slice(2).map(String).join('.');
    const named = typeof id === 'string' && id !== '' ? ` (id ${snippet(id, 80)})` : '';
    return `item ${path[1] + 1}${named}${field ? `: "${field}"` : ''}`;
  }
  return `"${path.map(String).join('.')}"`;
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What a value is, in words: "a number", "too large a number (Infinity)", "a list", … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return 'a number too large to use (it reads as infinity)';
  }
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    array: 'a list',
    object: 'an object',
    int: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return names[expected] ?? `a ${expected}`;
}
