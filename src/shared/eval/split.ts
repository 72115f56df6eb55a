import type { LogEvent } from './log';

/** One user's history cut in time: what the model may learn from, and what it must predict. */
export interface UserSplit {
  user: string;
  train: LogEvent[];
  test: LogEvent[];
}

/**
 * Per user, the last `share` of their events in time (at least one) are held out; the rest, all
 * earlier, are theirs to train on. Users come back in a stable order (by id).
 */
export function splitByTime(users: ReadonlyMap<string, LogEvent[]>, share = 0.2): UserSplit[] {
  const out: UserSplit[] = [];
  for (const [user, events] of users) {
    const sorted = [...events].sort((a, b) => a.ts - b.ts);
    const held = Math.max(1, Math.round(sorted.length * share));
    out.push({ user, train: sorted.slice(0, -held), test: sorted.slice(-held) });
  }
  return out.sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
}
