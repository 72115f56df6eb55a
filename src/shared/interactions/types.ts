import { ILL_FORMED_ID, isWellFormed } from '../ids';
import { z } from '../zod';

export const INTERACTION_TYPES = [
  'impression',
  'view',
  'click',
  'add_to_cart',
  'purchase',
  'like',
  'dislike',
  'rating',
] as const;

export type InteractionType = (typeof INTERACTION_TYPES)[number];

/** One thing the visitor did with one item, as track() receives it. */
export interface Interaction {
  type: InteractionType;
  itemId: string;
  ts: number;
  value?: number;
  /**
   * A unique id the page gives each track() call (and exports carry as "id"), so a call repeated
   * after a worker crash is stored once while distinct events of the same millisecond all are.
   */
  eid?: string;
}

/** An interaction as stored, with its database key. */
export interface StoredInteraction extends Interaction {
  id: number;
}

const MAX_ITEM_ID = 200;
const MAX_EVENT_ID = 64;
/**
 * No event may claim to come from before 2000 or from more than a day in the future (an import
 * may come from a device whose clock ran ahead; track() allows far less, see api-args.ts).
 */
const EARLIEST_TS = Date.UTC(2000, 0, 1);
export const FUTURE_SLACK_MS = 86_400_000;

const baseEvent = z.object({
  type: z.enum(INTERACTION_TYPES, { error: `must be one of ${INTERACTION_TYPES.join(', ')}` }),
  itemId: z
    .string({ error: 'must be an item id (text)' })
    .min(1, 'must not be empty')
    .max(MAX_ITEM_ID, `is longer than ${MAX_ITEM_ID} characters`)
    .refine(isWellFormed, ILL_FORMED_ID),
  // Whole and plausible are checked below: zod's int() also refuses 1e300 as "not whole".
  ts: z.number({ error: 'must be a time in milliseconds since 1970 (a number)' }).optional(),
  value: z
    .number({ error: 'must be a number from 0 to 5' })
    .min(0, 'must be from 0 to 5')
    .max(5, 'must be from 0 to 5')
    .optional(),
  eid: z
    .string({ error: 'must be an event id (text)' })
    .min(1, 'must not be empty')
    .max(MAX_EVENT_ID, `is longer than ${MAX_EVENT_ID} characters`)
    .optional(),
});

export type TrackEvent = z.input<typeof baseEvent>;

/**
 * Validates an event and fills in its timestamp; returns a reason instead when invalid. `ts` may
 * lie at most `futureSlackMs` after `now`.
 */
export function checkEvent(
  input: unknown,
  now: number,
  futureSlackMs = FUTURE_SLACK_MS,
): { ok: true; event: Interaction } | { ok: false; reason: string } {
  const parsed = baseEvent.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'event';
    return { ok: false, reason: `"${field}" ${issue?.message ?? 'is not valid'}` };
  }
  const { type, itemId, value, eid } = parsed.data;
  const ts = parsed.data.ts ?? now;
  if (!Number.isInteger(ts))
    return { ok: false, reason: '"ts" must be a whole number of milliseconds' };
  if (ts < EARLIEST_TS || ts > now + futureSlackMs) {
    return { ok: false, reason: `"ts" ${ts} is not a plausible time in milliseconds` };
  }
  if (type === 'rating' && value === undefined) {
    return { ok: false, reason: 'a "rating" needs a "value" from 0 to 5' };
  }
  const event: Interaction = { type, itemId, ts };
  if (value !== undefined) event.value = value;
  if (eid !== undefined) event.eid = eid;
  return { ok: true, event };
}

/** A key that identifies an interaction's content (what an event without an id is known by). */
export function interactionKey(event: Interaction): string {
  return `${event.ts}|${event.type}|${event.itemId}|${event.value ?? ''}`;
}

/**
 * What makes two stored events the same event: the page-made id, or for events that have none
 * (older records, imported logs without ids) their content, so importing a file twice adds nothing.
 */
export function eventId(event: Interaction): string {
  return event.eid ?? `k:${interactionKey(event)}`;
}

/** An impression is being shown an item; everything else is the visitor acting on one. */
export function isEngagement(event: Pick<Interaction, 'type'>): boolean {
  return event.type !== 'impression';
}

/** An item shown again within this time is not recorded again (one impression per visit). */
export const IMPRESSION_INTERVAL_MS = 30 * 60_000;

/** The items of `shown` that have no impression recorded since `now − IMPRESSION_INTERVAL_MS`. */
export function freshImpressions(
  shown: readonly string[],
  history: readonly Interaction[],
  now: number,
): string[] {
  const recent = new Set(
    history
      .filter((e) => e.type === 'impression' && e.ts > now - IMPRESSION_INTERVAL_MS)
      .map((e) => e.itemId),
  );
  return [...new Set(shown)].filter((id) => !recent.has(id));
}
