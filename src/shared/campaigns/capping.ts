/**
 * Frequency capping, kept on the device: campaigns the visitor dismissed never come back, and
 * each campaign is shown at most MAX_DAILY_SHOWINGS times a day (the visitor's local day).
 */

/** How often one campaign may be shown in a day. */
export const MAX_DAILY_SHOWINGS = 3;
/** Dismissals kept (the oldest go first): bounds what a long-lived visitor stores. */
export const MAX_DISMISSED = 1_000;

/** What is stored (in the `settings` store under `campaigns`, and so in exports). */
export interface CampaignState {
  /** Ids of dismissed campaigns, oldest first. */
  dismissed: string[];
  /** The local day `shown` counts for, as YYYY-MM-DD. */
  day: string;
  /** Showings today, per campaign id. */
  shown: [id: string, count: number][];
}

export const emptyCampaignState = (day: string): CampaignState => ({
  dismissed: [],
  day,
  shown: [],
});

/** The visitor's local calendar day of an instant, YYYY-MM-DD. */
export function localDay(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Reads a stored state for `day`; anything malformed counts as nothing stored, and counts of
 * another day are dropped (a new day starts afresh).
 */
export function readCampaignState(value: unknown, day: string): CampaignState {
  const empty = emptyCampaignState(day);
  if (typeof value !== 'object' || value === null) return empty;
  const stored = value as Partial<Record<keyof CampaignState, unknown>>;
  const dismissed = Array.isArray(stored.dismissed)
    ? stored.dismissed.filter((id): id is string => typeof id === 'string')
    : [];
  const sameDay = stored.day === day && Array.isArray(stored.shown);
  const shown = sameDay
    ? (stored.shown as unknown[]).filter(
        (entry): entry is [string, number] =>
          Array.isArray(entry) && typeof entry[0] === 'string' && Number.isFinite(entry[1]),
      )
    : [];
  return { dismissed: dismissed.slice(-MAX_DISMISSED), day, shown };
}

/** How many times the campaign was shown on the state's day. */
export function showingsToday(state: CampaignState, id: string): number {
  return state.shown.find(([shownId]) => shownId === id)?.[1] ?? 0;
}

/** Whether capping lets the campaign be shown now. */
export function mayShow(state: CampaignState, id: string): boolean {
  return !state.dismissed.includes(id) && showingsToday(state, id) < MAX_DAILY_SHOWINGS;
}

/** The state after one more showing of `id`. */
export function withShowing(state: CampaignState, id: string): CampaignState {
  const count = showingsToday(state, id) + 1;
  const others = state.shown.filter(([shownId]) => shownId !== id);
  return { ...state, shown: [...others, [id, count]] };
}

/** The state after the visitor dismissed `id` (for good). */
export function withDismissal(state: CampaignState, id: string): CampaignState {
  if (state.dismissed.includes(id)) return state;
  return { ...state, dismissed: [...state.dismissed, id].slice(-MAX_DISMISSED) };
}
