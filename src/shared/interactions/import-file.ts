import { ImportRejectedError } from '../errors';

/** Limits and whole-file checks of an import, before any line is parsed. */

/** What one import may hold: an export of years of heavy use fits with room to spare. */
export const IMPORT_LIMITS = {
  /** Characters of the whole file (checked as bytes on the page before reading it). */
  size: 64 * 1024 * 1024,
  lines: 500_000,
  lineLength: 10_000,
} as const;

/** Lines in a text (a final line without a line break counts; a trailing break does not). */
export function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return text.length === 0 || text.endsWith('\n') ? lines : lines + 1;
}

/** Why a whole file cannot be imported (too large, too many lines, binary), or null. */
export function refuseImportFile(text: string): string | null {
  const mb = (chars: number) => `${Math.round(chars / 1024 / 1024)} MB`;
  if (text.length > IMPORT_LIMITS.size) {
    return `the file is larger than ${mb(IMPORT_LIMITS.size)}`;
  }
  const lines = countLines(text);
  if (lines > IMPORT_LIMITS.lines) {
    return `the file has ${lines.toLocaleString('en')} lines; at most ${IMPORT_LIMITS.lines.toLocaleString('en')} can be imported at once`;
  }
  const head = text.slice(0, 4096);
  // eslint-disable-next-line no-control-regex
  const odd = head.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (head.includes('\u0000') || odd > Math.max(2, head.length / 20)) {
    return 'the file is binary data, not a JSON Lines text file';
  }
  return null;
}

/**
 * A hint for a file with no valid line that is one JSON document rather than JSON Lines: a list,
 * an object spread over several lines, or an object holding a list. Null otherwise.
 */
export function jsonDocumentHint(text: string): string | null {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed) || !/[\]}]$/.test(trimmed)) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return null; // Not one JSON document either: the line problems say what is wrong.
  }
  const holdsList =
    typeof value === 'object' &&
    value !== null &&
    Object.entries(value).some(([key, field]) => key !== 'settings' && Array.isArray(field));
  if (!Array.isArray(value) && !trimmed.includes('\n') && !holdsList) return null;
  return 'the file is one JSON document, not JSON Lines (one interaction object per line, as an export writes them)';
}

/** The error for a file from which nothing could be imported, with its counts. */
export function importRejected(parsed: {
  rejected: number;
  problems: string[];
  lines: number[];
  refused?: string;
}): ImportRejectedError {
  const { rejected, problems } = parsed;
  const lines = `${rejected.toLocaleString('en')} ${rejected === 1 ? 'line' : 'lines'}`;
  const why =
    parsed.refused ??
    (rejected === 0
      ? 'the file is empty'
      : `none of its ${lines} is a valid interaction (${problems.join('; ')})`);
  return new ImportRejectedError(`Nothing was imported: ${why}. Your history is unchanged.`, {
    imported: 0,
    rejected,
    problems: problems.length > 0 ? problems : [why],
    lines: parsed.lines,
  });
}
