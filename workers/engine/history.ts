import { errorCode, PrivateRecsError } from '../../src/shared/errors';
import {
  eventId,
  isEngagement,
  type Interaction,
  type StoredInteraction,
} from '../../src/shared/interactions/types';
import {
  addTypeCounts,
  countTypes,
  type TypeCounts,
} from '../../src/shared/interactions/type-counts';
import type { Repository } from '../storage/repository';
import {
  holdable,
  RETRY_MS,
  RoomWatch,
  storageRoom,
  unkeyed,
  type RetryDelays,
} from './held-events';

/**
 * Events waiting to be written, at most: a page that floods track() gets a clear refusal instead
 * of an engine that slows down for everyone (10,000 un-awaited calls still fit).
 */
export const MAX_PENDING_EVENTS = 50_000;

/**
 * Events per transaction, at most (one call's events are never split): a transaction of
 * thousands keeps everything sent after it waiting for seconds.
 */
export const BATCH_EVENTS = 256;

/**
 * Views and impressions are background signals; anything else (a like, a purchase …) is an act
 * the visitor waits to see answered, so it goes into the next transaction ahead of them.
 */
function urgent(pending: Pending): boolean {
  return pending.events.some((event) => event.type !== 'view' && event.type !== 'impression');
}

const unreadable = (error: unknown) => {
  console.warn('private-recs: could not read the history back after making room.', error);
};

export interface Pending {
  events: readonly Interaction[];
  /** False for impressions: recorded without telling anyone (showing a list must not change it). */
  notify: boolean;
  settings: Record<string, unknown> | null;
  resolve: (added: StoredInteraction[]) => void;
  reject: (error: unknown) => void;
}

/**
 * The visitor's history, held in the worker and written through to IndexedDB (the repository
 * stays the one storage owner). Reads never touch the database; writes that arrive while one is
 * in flight are committed together in the next transaction (group commit), so a burst of events
 * costs a few transactions instead of one each. Memory changes only after a commit, with one
 * exception: explicit events storage refused for lack of room are held in memory (they rank and
 * train at once) and written in the background when room frees up (held-events.ts).
 */
export class History {
  private events: StoredInteraction[] = [];
  private ids = new Set<string>();
  private engaged = 0;
  private types: TypeCounts = {};
  private queue: Pending[] = [];
  private queued = 0;
  private writing: Promise<void> | null = null;
  /** Reads and writes of the database run one at a time, so a reload never undoes a deletion. */
  private turn: Promise<unknown> = Promise.resolve();
  /** Explicit events storage refused for lack of room, in memory only, under negative keys. */
  private held: StoredInteraction[] = [];
  private heldKey = -1;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAt = Infinity;
  private retryDelay: number;
  private readonly watch: RoomWatch;
  /** Bumped by every change; readers cache what they derive from the history against it. */
  revision = 0;

  constructor(
    private readonly repository: Repository,
    /**
     * Called after every change: `local` for this engine's writes (false for a reload), `notify`
     * false for silent ones (impressions).
     */
    private readonly onChange: (local: boolean, notify: boolean) => void,
    private readonly retry: RetryDelays = RETRY_MS,
    /** The browser's count of free storage (bytes), or null where it cannot tell. */
    room: () => Promise<number | null> = storageRoom,
  ) {
    this.retryDelay = retry.first;
    this.watch = new RoomWatch(
      () => {
        this.scheduleRetry(0);
      },
      retry.watch,
      room,
    );
  }

  /**
   * Reads the stored history (at start-up, and when another tab or frame changed it); events held
   * in memory stay, and writing them is tried again.
   */
  async load(): Promise<void> {
    await this.exclusive(async () => {
      this.replace(this.withHeld(await this.repository.interactions()), false);
    });
    this.scheduleRetry(0);
  }

  /** Every event, oldest first. The array is the history itself: callers must not change it. */
  all(): readonly StoredInteraction[] {
    return this.events;
  }

  /** Engagement events (views, likes, purchases …) and impressions, counted as they change. */
  counts(): { interactions: number; impressions: number } {
    return { interactions: this.engaged, impressions: this.events.length - this.engaged };
  }

  /** Stored events per type (impressions included), counted as they change. */
  typeCounts(): TypeCounts {
    return this.types;
  }

  /** Events kept in memory only, because storage refused them for lack of room. */
  unsaved(): number {
    return this.held.length;
  }

  /** Whether this exact event (same id) is already stored (or held, see `unsaved`). */
  has(event: Interaction): boolean {
    return this.ids.has(eventId(event));
  }

  /**
   * Stores events (and settings), skipping ones already stored; resolves with the new ones once
   * they are committed. Rejects at once when too many events are already waiting.
   */
  add(
    events: readonly Interaction[],
    settings: Record<string, unknown> | null = null,
    notify = true,
  ): Promise<StoredInteraction[]> {
    if (this.queued + events.length > MAX_PENDING_EVENTS) {
      return Promise.reject(
        new PrivateRecsError(
          'event-invalid',
          `This event was not recorded: more than ${MAX_PENDING_EVENTS.toLocaleString('en')} events are waiting to be saved. Send fewer at once.`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ events, settings, notify, resolve, reject });
      this.queued += events.length;
      this.writing ??= this.drain();
    });
  }

  /** Deletes stored events (by database key), all in one transaction. */
  delete(...ids: number[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.exclusive(async () => {
      // Negative keys are held events: in memory only.
      await this.repository.deleteInteractions(ids.filter((id) => id >= 0));
      const gone = new Set(ids);
      this.held = this.held.filter((event) => !gone.has(event.id));
      this.replace(this.events.filter((event) => !gone.has(event.id)));
    });
  }

  /** Deletes every impression (the engagement history stays). */
  deleteImpressions(): Promise<void> {
    return this.exclusive(async () => {
      await this.repository.deleteImpressions();
      this.replace(this.events.filter(isEngagement));
    });
  }

  /**
   * Runs `erase` (the repository's erasure) once queued writes have landed and no held event is
   * being written, dropping the held ones: none of them outlives the erasure.
   */
  async erase(erase: () => Promise<void>): Promise<void> {
    await this.settled();
    await this.exclusive(async () => {
      this.dropHeld();
      await erase();
    });
  }

  /** Forgets the history in memory after the repository erased it. */
  cleared(): void {
    this.dropHeld();
    this.replace([]);
  }

  /** Resolves when no write is queued or in flight. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Commits the queue batch by batch until it is empty. */
  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.nextBatch();
      this.queued -= batch.reduce((sum, pending) => sum + pending.events.length, 0);
      await this.exclusive(() => this.commit(batch));
    }
    this.writing = null;
  }

  /** Takes the next batch off the queue: urgent calls first, then in order, up to BATCH_EVENTS. */
  private nextBatch(): Pending[] {
    const order = [...this.queue.filter(urgent), ...this.queue.filter((p) => !urgent(p))];
    const batch: Pending[] = [];
    let events = 0;
    for (const pending of order) {
      if (batch.length > 0 && events + pending.events.length > BATCH_EVENTS) break;
      batch.push(pending);
      events += pending.events.length;
    }
    const taken = new Set(batch);
    this.queue = this.queue.filter((pending) => !taken.has(pending));
    return batch;
  }

  /** Runs `op` after every database operation started before it has ended. */
  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = this.turn.then(op, op);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** One transaction for a batch; each caller gets the events of its own call that were new. */
  private async commit(batch: Pending[]): Promise<void> {
    const settings = batch.reduce<Record<string, unknown> | null>(
      (merged, pending) => (pending.settings ? { ...merged, ...pending.settings } : merged),
      null,
    );
    const pruned = JSON.stringify(this.repository.pruned);
    try {
      const added = await this.repository.addInteractions(
        batch.flatMap((pending) => pending.events),
        settings,
      );
      if (!(await this.rereadIfPruned(pruned))) {
        this.append(
          added,
          batch.some((pending) => pending.notify),
        );
      }
      // Each new event is credited to the first call that carried it.
      const byId = new Map(added.map((event) => [eventId(event), event]));
      for (const pending of batch) {
        const mine: StoredInteraction[] = [];
        for (const event of pending.events) {
          const stored = byId.get(eventId(event));
          if (stored === undefined) continue;
          byId.delete(eventId(event));
          mine.push(stored);
        }
        pending.resolve(mine);
      }
      // A write went through: there may be room for the held events now.
      this.scheduleRetry(0);
    } catch (error) {
      // Room may have been made even though the write was refused in the end.
      await this.rereadIfPruned(pruned).catch(unreadable);
      const held = errorCode(error) === 'storage-quota' ? this.hold(batch) : new Set<Pending>();
      for (const pending of batch) if (!held.has(pending)) pending.reject(error);
    }
  }

  /**
   * Keeps the calls of a refused batch that carry only explicit events in memory (the new events
   * among them), resolves them, and schedules a background write; returns those calls.
   */
  private hold(batch: readonly Pending[]): Set<Pending> {
    const calls = batch.filter(holdable);
    const seen = new Set(this.ids);
    const kept = calls.map((pending) => {
      const fresh = pending.events.filter((event) => !seen.has(eventId(event)));
      for (const event of fresh) seen.add(eventId(event));
      return fresh.map((event): StoredInteraction => ({ ...event, id: this.heldKey-- }));
    });
    const added = kept.flat();
    if (added.length > 0) {
      console.warn(
        `private-recs: storage is full; ${added.length} explicit event(s) kept in memory and written when room frees up (lost if the page closes first).`,
      );
    }
    this.held = [...this.held, ...added];
    this.append(added, true);
    calls.forEach((pending, i) => {
      pending.resolve(kept[i] ?? []);
    });
    this.scheduleRetry(this.retryDelay);
    if (added.length > 0) void this.watch.refused();
    return new Set(calls);
  }

  /** Tries to write the held events after `delay` ms, unless a try is due sooner already. */
  private scheduleRetry(delay: number): void {
    if (this.held.length === 0 || Date.now() + delay >= this.retryAt) return;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryAt = Infinity;
      void this.exclusive(() => this.saveHeld());
    }, delay);
  }

  /** Writes the held events in one transaction; on failure, tries again later (backing off). */
  private async saveHeld(): Promise<void> {
    if (this.held.length === 0) return;
    const pruned = JSON.stringify(this.repository.pruned);
    try {
      await this.repository.addInteractions(this.held.map(unkeyed));
      this.held = [];
      this.retryDelay = this.retry.first;
      this.watch.stop();
      // Read back with their database keys (and without what was pruned to make room).
      this.replace(await this.repository.interactions());
    } catch (error) {
      if (errorCode(error) !== 'storage-quota') {
        console.warn('private-recs: could not write the events kept in memory.', error);
      }
      await this.rereadIfPruned(pruned).catch(unreadable);
      this.retryDelay = Math.min(this.retry.max, this.retryDelay * 2);
      this.scheduleRetry(this.retryDelay);
      void this.watch.refused();
    }
  }

  /**
   * Storage ran full and older events were removed to make room since `pruned` (the repository's
   * totals then, as JSON): reads back what is left (held events stay). True if it did.
   */
  private async rereadIfPruned(pruned: string): Promise<boolean> {
    if (pruned === JSON.stringify(this.repository.pruned)) return false;
    this.replace(this.withHeld(await this.repository.interactions()));
    return true;
  }

  /** Stored events with the held ones merged in, in time order. */
  private withHeld(stored: StoredInteraction[]): StoredInteraction[] {
    if (this.held.length === 0) return stored;
    return [...stored, ...this.held].sort((a, b) => a.ts - b.ts || a.id - b.id);
  }

  private dropHeld(): void {
    this.held = [];
    this.watch.stop();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = Infinity;
    this.retryDelay = this.retry.first;
  }

  /** Adds committed events in time order (events mostly arrive in order: appended at the end). */
  private append(added: readonly StoredInteraction[], notify: boolean): void {
    if (added.length === 0) return;
    const last = this.events.at(-1)?.ts ?? -Infinity;
    const inOrder = added.every((event, i) => event.ts >= (added[i - 1]?.ts ?? last));
    // A new array, not a push: a reader in the middle of a computation keeps a stable history.
    const next = [...this.events, ...added];
    if (!inOrder) next.sort((a, b) => a.ts - b.ts || a.id - b.id);
    for (const event of added) {
      this.ids.add(eventId(event));
      if (isEngagement(event)) this.engaged += 1;
    }
    this.types = addTypeCounts(this.types, added);
    this.events = next;
    this.changed(true, notify);
  }

  private replace(events: StoredInteraction[], local = true): void {
    this.events = events;
    this.ids = new Set(events.map(eventId));
    this.engaged = events.reduce((sum, event) => sum + (isEngagement(event) ? 1 : 0), 0);
    this.types = countTypes(events);
    this.changed(local);
  }

  private changed(local: boolean, notify = true): void {
    this.revision += 1;
    this.onChange(local, notify);
  }
}
