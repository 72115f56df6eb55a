/**
 * A generated suite of malformed, truncated and hostile import files (JSON Lines) for robustness
 * tests, with what each must do: which events it adds, how many lines it rejects. Deterministic
 * for a catalogue's ids and a clock.
 */
import { lineCases } from './bad-import-lines';
import { shapeCases } from './bad-import-shapes';
import { Lines, type BadImport, type Repeated } from './import-cases';

export { Lines } from './import-cases';
export type { BadImport, BadImportKind, Repeated } from './import-cases';

/** Every case, for the catalogue whose item ids are `ids` (at least 7), at time `now`. */
export function badImports(ids: readonly string[], now: number): BadImport[] {
  const lines = new Lines(ids, now);
  return [...lineCases(lines), ...shapeCases(lines)];
}

/** How many cases of each kind (for reports). */
export function countImportKinds(cases: readonly BadImport[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of cases) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  return counts;
}

/** The text of a body (binary bodies are not text: the caller decodes those). */
export function repeatedText(body: Repeated): string {
  return body.head + body.unit.repeat(body.count) + body.tail;
}
