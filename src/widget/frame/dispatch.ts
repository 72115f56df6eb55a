import { PrivateRecsError, errorCode, errorMessage } from '../../shared/errors';
import type { TrackEvent } from '../../shared/interactions/types';
import type { Attributes } from '../options';
import type { FrameMethod, FrameRequest, FrameResponse, Theme } from './protocol';

/** The longest attribute or theme value, and the largest import, the frame accepts. */
const MAX_VALUE = 4_000;
const MAX_IMPORT = 64 * 1024 * 1024;

/** What the frame does for each request, with arguments already checked. */
export interface FrameHandlers {
  start(attributes: Attributes, theme: Theme): Promise<unknown>;
  update(attributes: Attributes, theme: Theme): Promise<unknown>;
  ready(): Promise<unknown>;
  track(event: TrackEvent): Promise<unknown>;
  importData(text: string): Promise<unknown>;
  dismissCampaign(id: string): Promise<unknown>;
  forget(): Promise<unknown>;
}

function refuse(what: string): never {
  throw new PrivateRecsError('widget-isolated', `The widget frame refused ${what}.`);
}

/** A record of short strings (or nulls) under the given keys only; anything else is refused. */
function stringRecord(
  value: unknown,
  keys: readonly string[],
  what: string,
): Record<string, string | null> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(what);
  const out: Record<string, string | null> = {};
  for (const key of keys) {
    if (!Object.hasOwn(value, key)) continue;
    const v: unknown = (value as Record<string, unknown>)[key];
    if (v === null || (typeof v === 'string' && v.length <= MAX_VALUE)) out[key] = v;
    else if (v !== undefined) refuse(`${what} "${key}"`);
  }
  return out;
}

function trackEvent(value: unknown): TrackEvent {
  if (typeof value !== 'object' || value === null) refuse('the event');
  const { type, itemId, ts, value: rating, eid } = value as Record<string, unknown>;
  if (typeof type !== 'string' || typeof itemId !== 'string') refuse('the event');
  if (type.length > MAX_VALUE || itemId.length > MAX_VALUE) refuse('the event');
  if (ts !== undefined && typeof ts !== 'number') refuse('the event time');
  if (rating !== undefined && typeof rating !== 'number') refuse('the event value');
  if (eid !== undefined && (typeof eid !== 'string' || eid.length > 64)) refuse('the event id');
  return {
    type,
    itemId,
    ...(ts === undefined ? {} : { ts }),
    ...(rating === undefined ? {} : { value: rating }),
    ...(eid === undefined ? {} : { eid }),
  } as TrackEvent;
}

/**
 * Answers one request from the host: checks the method and its arguments, calls the handler,
 * and turns the outcome into a response (errors as code and message only).
 */
export async function dispatch(
  request: unknown,
  handlers: FrameHandlers,
  attributeNames: readonly string[],
  themeNames: readonly string[],
): Promise<FrameResponse | null> {
  const { id, method, args } = (request ?? {}) as Partial<FrameRequest>;
  if (typeof id !== 'number' || !Array.isArray(args)) return null;
  try {
    const run: Record<FrameMethod, () => Promise<unknown>> = {
      start: () =>
        handlers.start(
          stringRecord(args[0], attributeNames, 'the attributes'),
          stringRecord(args[1], themeNames, 'the theme'),
        ),
      update: () =>
        handlers.update(
          stringRecord(args[0], attributeNames, 'the attributes'),
          stringRecord(args[1], themeNames, 'the theme'),
        ),
      ready: () => handlers.ready(),
      track: () => handlers.track(trackEvent(args[0])),
      importData: () => {
        const text: unknown = args[0];
        if (typeof text !== 'string' || text.length > MAX_IMPORT) refuse('the import');
        return handlers.importData(text);
      },
      dismissCampaign: () => {
        const campaignId: unknown = args[0];
        if (typeof campaignId !== 'string' || campaignId.length > MAX_VALUE) refuse('the campaign');
        return handlers.dismissCampaign(campaignId);
      },
      forget: () => handlers.forget(),
    };
    if (typeof method !== 'string' || !Object.hasOwn(run, method)) refuse(`"${String(method)}"`);
    return { id, ok: true, value: await run[method]() };
  } catch (error) {
    return {
      id,
      ok: false,
      error: { code: errorCode(error) ?? 'widget-isolated', message: errorMessage(error) },
    };
  }
}
