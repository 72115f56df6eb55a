/**
 * Campaign validity windows (`starts`, `ends`): ISO 8601 dates ("2026-12-01") or date-times with
 * a time zone ("2026-12-01T09:00:00+01:00"). A date is a whole day in UTC: `ends: "2026-12-24"`
 * runs to the end of the 24th. Pure: the schema and the engine read the same rules.
 */
import { z } from '../zod';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** How the contract words an acceptable bound, for messages. */
export const INSTANT_FORMAT =
  'an ISO 8601 date ("2026-12-01") or a date-time with a time zone ("2026-12-01T09:00:00+01:00")';

const dateSchema = z.iso.date();
const dateTimeSchema = z.iso.datetime({ offset: true });

/** Whether a string is a real calendar date, or a date-time with a time zone ("Z" or ±hh:mm). */
export function isInstant(value: string): boolean {
  return dateSchema.safeParse(value).success || dateTimeSchema.safeParse(value).success;
}

/** Whether a validity bound is a date without a time (a whole UTC day). */
export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

/** The first instant a campaign may be shown (ms since the epoch). */
export function startInstant(starts: string): number {
  return Date.parse(starts);
}

/** The first instant a campaign may no longer be shown: a date ends at the following midnight. */
export function endInstant(ends: string): number {
  return Date.parse(ends) + (isDateOnly(ends) ? DAY_MS : 0);
}

/** True when the window is empty or inverted (an `ends` not after `starts`). */
export function windowInverted(window: { starts?: string; ends?: string }): boolean {
  if (window.starts === undefined || window.ends === undefined) return false;
  return !(endInstant(window.ends) > startInstant(window.starts));
}

/** Whether a campaign may be shown at `now` (no bound means no limit on that side). */
export function isActive(window: { starts?: string; ends?: string }, now: number): boolean {
  if (window.starts !== undefined && now < startInstant(window.starts)) return false;
  if (window.ends !== undefined && now >= endInstant(window.ends)) return false;
  return true;
}
