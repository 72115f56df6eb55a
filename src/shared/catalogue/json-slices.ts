/**
 * Reading catalogue JSON a slice of items at a time. One scan of the text (the same scan that
 * enforces the nesting limit) finds the top-level "items" array and where every `per`-th item
 * ends; the rest of the object and each slice of items are then read by JSON.parse, so a worker
 * can report progress and answer calls between slices of a million-item catalogue. Anything
 * the scan does not recognise (no single "items" key, a top level that is not an object) is
 * left to one JSON.parse of the whole text, which also gives the error message for bad JSON.
 */

import { CLOSE_LIST, CLOSE_OBJECT, OPEN_LIST, OPEN_OBJECT, QUOTE, stringEnd } from './json-text';

const COMMA = 0x2c;

/** Where the top-level "items" array lies, and the commas that end every `per`-th item. */
export interface ItemsLayout {
  /** Offsets of its `[` and `]`. */
  open: number;
  close: number;
  /** Its elements, counted by the commas between them (0 for an empty array). */
  count: number;
  /** Offset of the comma after item per − 1, 2·per − 1, …: where slices end. */
  cuts: number[];
}

/** What one scan found: where nesting first goes beyond the limit (or -1), and the items. */
export interface TextScan {
  deep: number;
  items: ItemsLayout | null;
}

/**
 * Scans catalogue text once: where lists and objects first nest deeper than `depthLimit` (a
 * text scan, so a hostile file is refused before JSON.parse builds millions of nested values)
 * and the layout of the "items" array. The one place the nesting limit is enforced.
 */
export function scanCatalogueText(text: string, depthLimit: number, per: number): TextScan {
  let depth = 0;
  // At depth 1 of a top-level object: whether the next string is a key, and the last key read.
  let expectKey = false;
  let key: string | null = null;
  let itemsKeys = 0;
  let layout: ItemsLayout | null = null;
  let inItems = false;
  let commas = 0;
  let sawElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (depth === 1 && expectKey) {
        key = text.slice(i + 1, end);
        if (key === 'items') itemsKeys += 1;
        expectKey = false;
      } else if (depth === 1) {
        key = null;
      }
      if (inItems && depth === 2) sawElement = true;
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_LIST) {
      if (inItems && depth === 2) sawElement = true;
      if (depth === 0 && c === OPEN_OBJECT && i === firstNonSpace(text)) expectKey = true;
      if (depth === 1 && c === OPEN_LIST && key === 'items' && layout === null) {
        layout = { open: i, close: -1, count: 0, cuts: [] };
        inItems = true;
      }
      if (depth === 1) key = null;
      depth += 1;
      if (depth > depthLimit) return { deep: i, items: null };
    } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
      depth -= 1;
      if (inItems && depth === 1 && layout) {
        layout.close = i;
        layout.count = sawElement || commas > 0 ? commas + 1 : 0;
        inItems = false;
      }
    } else if (c === COMMA) {
      if (depth === 1) expectKey = true;
      if (inItems && depth === 2 && layout) {
        commas += 1;
        if (commas % per === 0) layout.cuts.push(i);
      }
    } else if (inItems && depth === 2 && !isSpace(c)) {
      sawElement = true;
    }
  }
  const found = layout !== null && layout.close > layout.open && itemsKeys === 1;
  return { deep: -1, items: found ? layout : null };
}

/**
 * The catalogue's JSON value, its items read `per` at a time with `between` awaited after each
 * slice (items read so far, items in all). Throws what JSON.parse of the whole text throws when
 * the text is not JSON. `scan` is scanCatalogueText's result for this text and `per`.
 */
export async function parseInSlices(
  text: string,
  scan: TextScan,
  per: number,
  between: (done: number, total: number) => Promise<void>,
): Promise<unknown> {
  const layout = scan.items;
  if (!layout) return JSON.parse(text);
  try {
    const shell: unknown = JSON.parse(text.slice(0, layout.open + 1) + text.slice(layout.close));
    if (!isRecord(shell) || !Array.isArray(shell.items) || shell.items.length !== 0) {
      return JSON.parse(text);
    }
    const items: unknown[] = [];
    let from = layout.open + 1;
    for (let slice = 0; items.length < layout.count; slice++) {
      const to = layout.cuts[slice] ?? layout.close;
      const expected = Math.min(per, layout.count - items.length);
      const part: unknown = JSON.parse(`[${text.slice(from, to)}]`);
      // An empty element at a slice's edge (`[1,]`) parses on its own: the whole would not.
      if (!Array.isArray(part) || part.length !== expected) return JSON.parse(text);
      for (const item of part) items.push(item);
      from = to + 1;
      await between(items.length, layout.count);
    }
    if (from <= layout.close && text.slice(from, layout.close).trim() !== '') {
      return JSON.parse(text);
    }
    shell.items = items;
    return shell;
  } catch {
    // The whole text's own verdict (and error message).
    return JSON.parse(text);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}
