import { checkEvent, type Interaction } from './types';

/** The user name written into exported logs: the export holds one visitor, who stays anonymous. */
export const EXPORT_USER = 'me';
const MAX_LINE_LENGTH = 10_000;
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
    lines.push(JSON.stringify(line));
  }
  return lines.join('\n') + '\n';
}

export interface ParsedLog {
  interactions: Interaction[];
  settings: ExportSettings | null;
  rejected: number;
  problems: string[];
}

/** Parses a JSON Lines log, keeping the valid lines and counting (and describing) the others. */
export function parseJsonl(text: string, now: number): ParsedLog {
  const result: ParsedLog = { interactions: [], settings: null, rejected: 0, problems: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const parsed = parseLine(line, now);
    if (parsed.kind === 'event') result.interactions.push(parsed.event);
    else if (parsed.kind === 'settings') result.settings = parsed.settings;
    else {
      result.rejected += 1;
      if (result.problems.length < MAX_REPORTED) {
        result.problems.push(`line ${index + 1}: ${parsed.reason}`);
      }
    }
  });
  return result;
}

type ParsedLine =
  | { kind: 'event'; event: Interaction }
  | { kind: 'settings'; settings: ExportSettings }
  | { kind: 'error'; reason: string };

function parseLine(line: string, now: number): ParsedLine {
  if (line.length > MAX_LINE_LENGTH) return { kind: 'error', reason: 'the line is too long' };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { kind: 'error', reason: 'not valid JSON' };
  }
  if (!isRecord(json)) return { kind: 'error', reason: 'not a JSON object' };
  if ('settings' in json) {
    return isRecord(json.settings)
      ? { kind: 'settings', settings: json.settings }
      : { kind: 'error', reason: '"settings" must be an object' };
  }
  const checked = checkEvent(
    { type: json.type, itemId: json.item, ts: json.ts ?? null, value: json.value },
    now,
  );
  return checked.ok
    ? { kind: 'event', event: checked.event }
    : { kind: 'error', reason: checked.reason.replace('"itemId"', '"item"') };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A key that identifies an interaction's content, so that importing a file twice adds nothing. */
export function interactionKey(event: Interaction): string {
  return `${event.ts}|${event.type}|${event.itemId}|${event.value ?? ''}`;
}
