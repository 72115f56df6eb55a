import { PrivateRecsError } from '../../src/shared/errors';
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

interface Pending {
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
 * costs a few transactions instead of one each. Memory changes only after a commit.
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
  /** Bumped by every change; readers cache what they derive from the history against it. */
  revision = 0;

  constructor(
    private readonly repository: Repository,
    /**
     * Called after every change: `local` for this engine's writes (false for a reload), `notify`
     * false for silent ones (impressions).
     */
    private readonly onChange: (local: boolean, notify: boolean) => void,
  ) {}

  /** Reads the stored history (at start-up, and when another tab or frame changed it). */
  load(): Promise<void> {
    return this.exclusive(async () => {
      this.replace(await this.repository.interactions(), false);
    });
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

  /** Whether this exact event (same id) is already stored. */
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
      await this.repository.deleteInteractions(ids);
      const gone = new Set(ids);
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

  /** Forgets the history in memory after the repository erased it. */
  cleared(): void {
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
    const pruned = { ...this.repository.pruned };
    try {
      const added = await this.repository.addInteractions(
        batch.flatMap((pending) => pending.events),
        settings,
      );
      // Storage ran full and older events were removed to make room: read back what is left.
      if (JSON.stringify(pruned) !== JSON.stringify(this.repository.pruned)) {
        this.replace(await this.repository.interactions());
      } else
        this.append(
          added,
          batch.some((pending) => pending.notify),
        );
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
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
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
