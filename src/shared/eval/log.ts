import { z } from '../zod';
import { INTERACTION_TYPES, type Interaction, type InteractionType } from '../interactions/types';

/** One line of the interaction-log contract: who did what with which item, and when. */
export interface LogEvent {
  user: string;
  item: string;
  type: InteractionType;
  ts: number;
  value?: number;
}

/** A log line as the device's own history holds it (the user's id dropped). */
export const toInteraction = (e: LogEvent): Interaction => ({
  type: e.type,
  itemId: e.item,
  ts: e.ts,
  ...(e.value === undefined ? {} : { value: e.value }),
});

const lineSchema = z.object({
  user: z.string().min(1).max(200),
  item: z.string().min(1).max(200),
  type: z.enum(INTERACTION_TYPES),
  ts: z.number().int().nonnegative(),
  value: z.number().min(0).max(5).optional(),
});

/** Reads a JSON Lines interaction log; a bad line is counted and named, never fatal. */
export function parseLog(text: string): { events: LogEvent[]; problems: string[] } {
  const events: LogEvent[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const parsed = lineSchema.safeParse(value);
    if (parsed.success) events.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      problems.push(`line ${i + 1}: ${issue?.path.join('.') || 'event'} ${issue?.message ?? ''}`);
    }
  });
  return { events, problems };
}

/** Writes events as JSON Lines, one event per line. */
export function formatLog(events: readonly LogEvent[]): string {
  return events.map((event) => JSON.stringify(event)).join('\n') + '\n';
}

/** Events grouped by user, each user's events in time order (stable for equal times). */
export function byUser(events: readonly LogEvent[]): Map<string, LogEvent[]> {
  const users = new Map<string, LogEvent[]>();
  for (const event of events) {
    const list = users.get(event.user);
    if (list) list.push(event);
    else users.set(event.user, [event]);
  }
  for (const list of users.values()) list.sort((a, b) => a.ts - b.ts);
  return users;
}

/** The converters' rule for star ratings: 4 and above is a like, anything lower a dislike. */
export function ratingEvent(stars: number): 'like' | 'dislike' {
  return stars >= 4 ? 'like' : 'dislike';
}
