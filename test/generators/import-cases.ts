/** The shape of a hostile-import case, and the builder of valid lines every family uses. */
import type { Interaction } from '../../src/shared/interactions/types';

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
