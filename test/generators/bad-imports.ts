/**
 * A generated suite of malformed, truncated and hostile import files (JSON Lines) for robustness
 * tests, with what each must do: which events it adds, how many lines it rejects. Deterministic
 * for a catalogue's ids and a clock.
 */
import type { Interaction } from '../interactions/types';
import { lineCases } from './bad-import-lines';
import { shapeCases } from './bad-import-shapes';

export type BadImportKind =
  | 'truncated'
  | 'binary'
  | 'huge-line'
  | 'prototype'
  | 'wrong-type'
  | 'unknown-item'
  | 'time'
  | 'too-many-lines'
  | 'too-large'
  | 'not-jsonl'
  | 'mixed';

/** A body too large to pass around: `head + unit × count + tail`, built where it is used. */
export interface Repeated {
  head: string;
  unit: string;
  count: number;
  tail: string;
}

export interface BadImport {
  name: string;
  kind: BadImportKind;
  body: () => string | Uint8Array | Repeated;
  /** The new events it adds (none: the file is refused as a whole and nothing changes). */
  adds: Interaction[];
  /** How many lines it rejects. */
  rejected: number;
  /** What the refusal (or the problems of a partial import) must mention. */
  mentions: RegExp;
}

/** Builds valid lines with times no other case uses, so that every case's events are new. */
export class Lines {
  private next: number;
  constructor(
    readonly ids: readonly string[],
    readonly now: number,
  ) {
    this.next = now - 20 * 86_400_000;
  }

  /** A valid event line and the event it stands for. */
  event(type: Interaction['type'] = 'view', itemId = this.ids[0] ?? ''): [string, Interaction] {
    this.next += 1_000;
    const event: Interaction =
      type === 'rating'
        ? { type, itemId, ts: this.next, value: 4 }
        : { type, itemId, ts: this.next };
    const value = event.value === undefined ? {} : { value: event.value };
    return [JSON.stringify({ user: 'me', item: itemId, type, ts: event.ts, ...value }), event];
  }

  /** `count` valid lines (likes and views over the first ids) and their events. */
  events(count: number): { text: string[]; events: Interaction[] } {
    const made = Array.from({ length: count }, (_, i) =>
      this.event(i % 3 === 0 ? 'like' : 'view', this.ids[i % 7] ?? ''),
    );
    return { text: made.map(([line]) => line), events: made.map(([, event]) => event) };
  }
}

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
