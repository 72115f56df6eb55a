import type {
  Interaction,
  InteractionType,
  StoredInteraction,
} from '../../src/shared/interactions/types';
import type { Pending } from './history';

/**
 * What the visitor said or did on purpose: never pruned to make room (quota.ts), and kept in
 * memory when storage still refuses it, so that it counts at once and is written later.
 */
export const EXPLICIT: ReadonlySet<InteractionType> = new Set<InteractionType>([
  'like',
  'dislike',
  'add_to_cart',
  'purchase',
  'rating',
]);

/**
 * Delays between background tries to write held events: doubling from `first` up to `max`; and
 * how often the browser's count of free storage is read meanwhile (`watch`, see RoomWatch).
 */
export interface RetryDelays {
  first: number;
  max: number;
  watch: number;
}

export const RETRY_MS: RetryDelays = { first: 1_000, max: 10_000, watch: 1_000 };

/** A call whose events may be held: explicit events only, no settings, not a silent write. */
export function holdable(pending: Pending): boolean {
  return (
    pending.notify &&
    pending.settings === null &&
    pending.events.length > 0 &&
    pending.events.every((event) => EXPLICIT.has(event.type))
  );
}

/** The event without its key, to be written (a held event's key is a stand-in). */
export function unkeyed(event: StoredInteraction): Interaction {
  const { type, itemId, ts, value, eid } = event;
  return {
    type,
    itemId,
    ts,
    ...(value === undefined ? {} : { value }),
    ...(eid === undefined ? {} : { eid }),
  };
}

/** The origin's free storage in bytes as the browser counts it, or null where it cannot tell. */
export async function storageRoom(): Promise<number | null> {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : quota - usage;
  } catch {
    return null;
  }
}

/**
 * Watches the browser's count of free storage while events are held, and calls `onRoom` as soon
 * as it grew since the last refused write: room freed by anything (another database deleted, the
 * browser's late count of what was pruned) is used at once, not at the next backed-off try.
 */
export class RoomWatch {
  private timer: ReturnType<typeof setInterval> | null = null;
  private atRefusal: number | null = null;
  private checking = false;

  constructor(
    private readonly onRoom: () => void,
    private readonly everyMs: number,
    private readonly room: () => Promise<number | null> = storageRoom,
  ) {}

  /** A write was refused: notes the free room now and watches for more. */
  async refused(): Promise<void> {
    this.atRefusal = await this.room();
    if (this.atRefusal === null || this.timer !== null) return;
    this.timer = setInterval(() => {
      void this.check();
    }, this.everyMs);
  }

  /** Nothing is held any more. */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.atRefusal = null;
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const now = await this.room();
      if (now !== null && this.atRefusal !== null && now > this.atRefusal) {
        this.atRefusal = now;
        this.onRoom();
      }
    } finally {
      this.checking = false;
    }
  }
}
