import type { ChangeKind, EngineChange, EngineStatus } from '../../src/shared/engine-api';

/**
 * Collects the engine's changes and pushes them to the page as one notification per task: a
 * burst (a flood of events committed in a few transactions, a reload after another tab wrote)
 * reaches the page as a few notifications, each carrying the status as it then is.
 */
export class ChangeFeed {
  private kinds = new Set<ChangeKind>();
  private scheduled = false;
  private revision = 0;
  private listener: ((change: EngineChange) => unknown) | null = null;

  constructor(private readonly status: () => Promise<EngineStatus>) {}

  /** Where notifications go (the page's callback, set once at start-up). */
  listen(listener: ((change: EngineChange) => unknown) | undefined): void {
    this.listener = listener ?? null;
  }

  /** Something changed: the page hears of it once the current task is done. */
  mark(kind: ChangeKind): void {
    this.kinds.add(kind);
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      void this.flush();
    }, 0);
  }

  private async flush(): Promise<void> {
    const kinds = [...this.kinds];
    this.kinds.clear();
    this.scheduled = false;
    const listener = this.listener;
    if (!listener || kinds.length === 0) return;
    try {
      this.revision += 1;
      const change = { revision: this.revision, kinds, status: await this.status() };
      // Across the worker boundary the call returns a promise. Best effort: a page that went
      // away must not fail the engine.
      const sent: unknown = listener(change);
      await Promise.resolve(sent).catch(() => undefined);
    } catch (error) {
      console.warn('private-recs: could not tell the page about a change.', error);
    }
  }
}
