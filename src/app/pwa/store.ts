/**
 * A tiny external store for React's useSyncExternalStore: one immutable snapshot, replaced on
 * every change, and a set of listeners.
 */
export class Store<T extends object> {
  private listeners = new Set<() => void>();

  constructor(private state: T) {}

  readonly getSnapshot = (): T => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Replaces the named fields and tells every listener. */
  set(patch: Partial<T>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
