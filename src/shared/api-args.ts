/**
 * Checks of the arguments of every public API call (`window.privateRecs` and the exports of
 * widget.js), made in the page before anything is sent to the engine: a wrong argument gets an
 * error with a stable `code` and a message that says what to pass, never a TypeError from deep
 * inside or a DataCloneError from postMessage. Only known fields are copied on, so a function
 * or a DOM node in an unknown field never reaches structured cloning.
 */
import type { CampaignOptions, RecommendOptions } from './engine-api';
import { InteractionError, PrivateRecsError } from './errors';
import { ILL_FORMED_ID, isWellFormed } from './ids';
import { checkEvent, type TrackEvent } from './interactions/types';

/** The limits docs/contracts.md's API section states. */
export const API_LIMITS = {
  count: { min: 1, max: 200 },
  queryLength: 1_000,
  idLength: 200,
  /** How many of a campaign's items campaign() may return. */
  campaignItems: { min: 0, max: 12 },
  /**
   * How far in the future a tracked event may be stamped: the page stamps events with the same
   * clock the engine reads, so anything beyond a little slack is a mistake (or a forgery).
   */
  trackFutureMs: 5 * 60_000,
} as const;

const EVENT_SHAPE = "{ type: 'view', itemId: 'sku-1' } (and optionally ts, value)";
const OPTIONS_SHAPE = '{ count?, query?, contextItemId? }';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own fields only: a getter on a prototype or a `__proto__` key is never read. */
const own = (value: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(value, key) ? value[key] : undefined;

/** What a value is, in words, for messages. */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The event track() will send on, stamped with `now` when it has no `ts`; throws when invalid. */
export function checkTrackEvent(input: unknown, now: number): TrackEvent & { ts: number } {
  const refuse = (why: string) =>
    new InteractionError('event-invalid', `This event was not recorded: ${why}.`);
  if (!isObject(input))
    throw refuse(`track() takes one object such as ${EVENT_SHAPE}, not ${kind(input)}`);
  const event = {
    type: own(input, 'type'),
    itemId: own(input, 'itemId'),
    ts: own(input, 'ts') ?? now,
    ...(own(input, 'value') === undefined ? {} : { value: own(input, 'value') }),
    // The page's event id, when the caller (the widget's API, fanning out) already made one.
    ...(own(input, 'eid') === undefined ? {} : { eid: own(input, 'eid') }),
  };
  const checked = checkEvent(event, now, API_LIMITS.trackFutureMs);
  if (!checked.ok) {
    const ts = event.ts;
    throw refuse(
      typeof ts === 'number' && ts > now
        ? `"ts" ${ts} lies in the future; pass the time the visitor acted (Date.now()) or leave it out`
        : checked.reason,
    );
  }
  return checked.event;
}

/** The options recommend() sends on; throws a PrivateRecsError ('argument-invalid') saying why. */
export function checkRecommendOptions(input: unknown): RecommendOptions {
  const refuse = (why: string) =>
    new PrivateRecsError('argument-invalid', `No recommendations were made: recommend() ${why}.`);
  if (input === undefined) return {};
  if (!isObject(input))
    throw refuse(`takes an optional object ${OPTIONS_SHAPE}, not ${kind(input)}`);
  const options: RecommendOptions = {};
  const count = own(input, 'count');
  if (count !== undefined) {
    const { min, max } = API_LIMITS.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < min || count > max) {
      throw refuse(
        `needs "count" to be a whole number from ${min} to ${max}, not ${typeof count === 'number' ? String(count) : kind(count)}`,
      );
    }
    options.count = count;
  }
  const query = own(input, 'query');
  if (query !== undefined) {
    if (typeof query !== 'string') throw refuse(`needs "query" to be text, not ${kind(query)}`);
    if (query.length > API_LIMITS.queryLength) {
      throw refuse(
        `needs "query" to be at most ${API_LIMITS.queryLength} characters (it has ${query.length})`,
      );
    }
    if (!isWellFormed(query)) throw refuse(`needs "query" to be text; it ${ILL_FORMED_ID}`);
    options.query = query;
  }
  const context = own(input, 'contextItemId');
  if (context !== undefined) {
    if (typeof context !== 'string' || context === '' || context.length > API_LIMITS.idLength) {
      throw refuse(
        `needs "contextItemId" to be an item id (text of 1 to ${API_LIMITS.idLength} characters), not ${typeof context === 'string' ? `text of ${context.length} characters` : kind(context)}`,
      );
    }
    if (!isWellFormed(context))
      throw refuse(`needs "contextItemId" to be an item id; it ${ILL_FORMED_ID}`);
    options.contextItemId = context;
  }
  return options;
}

/** The options campaign() sends on; throws a PrivateRecsError ('argument-invalid') saying why. */
export function checkCampaignOptions(input: unknown): CampaignOptions {
  const refuse = (why: string) =>
    new PrivateRecsError('argument-invalid', `No campaign was chosen: campaign() ${why}.`);
  if (input === undefined) return {};
  if (!isObject(input)) throw refuse(`takes an optional object { items? }, not ${kind(input)}`);
  const items = own(input, 'items');
  if (items === undefined) return {};
  const { min, max } = API_LIMITS.campaignItems;
  if (typeof items !== 'number' || !Number.isInteger(items) || items < min || items > max) {
    throw refuse(
      `needs "items" to be a whole number from ${min} to ${max}, not ${typeof items === 'number' ? String(items) : kind(items)}`,
    );
  }
  return { items };
}

/** The campaign id dismissCampaign() sends on; throws 'argument-invalid' saying why. */
export function checkCampaignId(id: unknown): string {
  const refuse = (why: string) =>
    new PrivateRecsError('argument-invalid', `Nothing was dismissed: dismissCampaign() ${why}.`);
  if (typeof id !== 'string' || id === '' || id.length > API_LIMITS.idLength) {
    throw refuse(
      `takes a campaign id (text of 1 to ${API_LIMITS.idLength} characters), not ${typeof id === 'string' ? `text of ${id.length} characters` : kind(id)}`,
    );
  }
  if (!isWellFormed(id)) throw refuse(`takes a campaign id; this one ${ILL_FORMED_ID}`);
  return id;
}

/** What importData() reads: a Blob or a File (structurally, so this module needs no DOM). */
export interface BlobLike {
  readonly size: number;
  text(): Promise<string>;
}

/** Throws 'import-invalid' unless `data` is a Blob or File. */
export function checkImportData(data: unknown): asserts data is BlobLike {
  const blob =
    typeof data === 'object' &&
    data !== null &&
    typeof (data as Partial<BlobLike>).size === 'number' &&
    typeof (data as Partial<BlobLike>).text === 'function';
  if (blob) return;
  throw new InteractionError(
    'import-invalid',
    `Nothing was imported: importData() takes a Blob or File of JSON Lines (as exportData() gives, or a file from an <input type="file">), not ${kind(data)}. Your history is unchanged.`,
  );
}

/** Throws 'argument-invalid' unless `url` is text or left out. */
export function checkCatalogueUrl(url: unknown): asserts url is string | undefined {
  if (url === undefined || typeof url === 'string') return;
  throw new PrivateRecsError(
    'argument-invalid',
    `The catalogue was not checked: refreshCatalogue() takes the catalogue's address as text (or nothing, to check the current one), not ${kind(url)}.`,
  );
}
