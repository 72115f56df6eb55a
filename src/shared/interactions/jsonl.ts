import { countLines, IMPORT_LIMITS, jsonDocumentHint, refuseImportFile } from './import-file';
import { checkImportedSettings } from './import-settings';
import { checkEvent, type Interaction } from './types';

/** The user name written into exported logs: the export holds one visitor, who stays anonymous. */
export const EXPORT_USER = 'me';
const MAX_REPORTED = 5;

export interface ExportSettings {
  [key: string]: unknown;
}

/** Serialises history (and settings, as one `{"settings":…}` line) to the JSON Lines log format. */
export function toJsonl(history: readonly Interaction[], settings: ExportSettings): string {
  const lines = [JSON.stringify({ settings })];
  for (const event of history) {
    const line: Record<string, unknown> = {
      user: EXPORT_USER,
      item: event.itemId,
      type: event.type,
      ts: event.ts,
    };
    if (event.value !== undefined) line.value = event.value;
    if (event.eid !== undefined) line.id = event.eid;
    lines.push(JSON.stringify(line));
  }
  return lines.join('\n') + '\n';
}

export interface ParsedLog {
  interactions: Interaction[];
  settings: ExportSettings | null;
  rejected: number;
  problems: string[];
  /**
   * The numbers (from 1) of the first rejected lines, which `problems` describes; none when the
   * file is wrong as a whole (refused unread, or one JSON document rather than lines).
   */
  lines: number[];
  /** Why the whole file was refused without reading its lines (too large, too many, binary). */
  refused?: string;
}

/**
 * Parses a JSON Lines log, keeping the valid lines and counting (and describing) the others.
 * Lines about items the current catalogue lacks are kept: the app keeps the history about items
 * a catalogue update removed or renamed, so a backup of that history must restore it whole.
 */
export function parseJsonl(text: string, now: number): ParsedLog {
  const refused = refuseImportFile(text);
  if (refused !== null) {
    // A file refused for its size was not read line by line: it counts no lines.
    const rejected = text.length > IMPORT_LIMITS.size ? 0 : countLines(text);
    return { interactions: [], settings: null, rejected, problems: [refused], lines: [], refused };
  }
  const result: ParsedLog = {
    interactions: [],
    settings: null,
    rejected: 0,
    problems: [],
    lines: [],
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const parsed = parseLine(line, now);
    if (parsed.kind === 'event') result.interactions.push(parsed.event);
    else if (parsed.kind === 'settings') result.settings = parsed.settings;
    else {
      result.rejected += 1;
      if (result.lines.length < MAX_REPORTED) {
        result.problems.push(`line ${index + 1}: ${parsed.reason}`);
        result.lines.push(index + 1);
      }
    }
  });
  const hint = result.interactions.length === 0 ? jsonDocumentHint(text) : null;
  if (hint !== null) {
    // The file is one JSON document: its "bad lines" are not what is wrong with it.
    result.problems.unshift(hint);
    result.lines = [];
  }
  return result;
}

type ParsedLine =
  | { kind: 'event'; event: Interaction }
  | { kind: 'settings'; settings: ExportSettings }
  | { kind: 'error'; reason: string };

function parseLine(line: string, now: number): ParsedLine {
  if (line.length > IMPORT_LIMITS.lineLength) {
    const length = line.length.toLocaleString('en');
    return {
      kind: 'error',
      reason: `the line is too long (${length} characters; at most ${IMPORT_LIMITS.lineLength.toLocaleString('en')})`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { kind: 'error', reason: 'not valid JSON' }; // The line number says where.
  }
  if (!isRecord(json)) return { kind: 'error', reason: 'not a JSON object' };
  // Own fields only: a "__proto__" or "constructor" key is data, never a route to a prototype.
  const field = (key: string): unknown => (Object.hasOwn(json, key) ? json[key] : undefined);
  if (Object.hasOwn(json, 'settings')) {
    const checked = checkImportedSettings(json.settings);
    return checked.ok
      ? { kind: 'settings', settings: checked.settings }
      : { kind: 'error', reason: checked.reason };
  }
  const input = { type: field('type'), itemId: field('item'), ts: field('ts') ?? null };
  const checked = checkEvent({ ...input, value: field('value'), eid: field('id') }, now);
  if (!checked.ok)
    return {
      kind: 'error',
      reason: checked.reason.replace('"itemId"', '"item"').replace('"eid"', '"id"'),
    };
  return { kind: 'event', event: checked.event };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
