import type { ReadyInfo } from '../client/private-recs';
import type { ImportResult, Recommendation, RecommendOptions } from '../shared/engine-api';
import { PrivateRecsError } from '../shared/errors';
import type { TrackEvent } from '../shared/interactions/types';

/** The JavaScript API of PRODUCT.md, as the widget module exports it. */
export interface RecsApi {
  ready: () => Promise<ReadyInfo>;
  track: (event: TrackEvent) => Promise<void>;
  recommend: (options?: RecommendOptions) => Promise<Recommendation[]>;
  exportData: () => Promise<Blob>;
  importData: (data: Blob) => Promise<ImportResult>;
  forget: () => Promise<void>;
}

/** An element's engine as the module API sees it. */
export interface Registered {
  api: RecsApi;
  /** Isolated frames each hold their own engine: events go to all of them. */
  isolated: boolean;
}

const registered: Registered[] = [];

/** Called by each element when its engine starts; the first one decides what the API drives. */
export function register(entry: Registered): void {
  registered.push(entry);
}

export function unregister(entry: Registered): void {
  const at = registered.indexOf(entry);
  if (at >= 0) registered.splice(at, 1);
}

function first(): Registered {
  const entry = registered[0];
  if (entry) return entry;
  throw new PrivateRecsError(
    'widget-not-configured',
    'No <private-recs> element is on this page yet: add one with a catalogue attribute before calling the API.',
  );
}

/**
 * Where an event goes: the first element's engine; in isolated mode every isolated frame (each
 * may keep its history only in memory when the browser blocks storage in embedded frames). The
 * event gets its timestamp here, so frames sharing one database store it once.
 */
async function toEach<T>(use: (api: RecsApi) => Promise<T>): Promise<T> {
  const head = first();
  if (!head.isolated) return use(head.api);
  const frames = registered.filter((entry) => entry.isolated);
  const [result] = await Promise.all(frames.map((entry) => use(entry.api)));
  return result as T;
}

/**
 * The module's API object; each call goes to the engine of the page's first `<private-recs>`
 * element (in isolated mode, through its frame).
 *
 * @example
 * import { track } from 'https://shop.example/recs/widget.js';
 * await track({ type: 'add_to_cart', itemId: 'sku-0042' });
 */
export const api: RecsApi = {
  ready: () => Promise.resolve().then(() => first().api.ready()),
  track: (event) => {
    const stamped: TrackEvent = { ...event, ts: event.ts ?? Date.now() };
    return Promise.resolve().then(() => toEach((engine) => engine.track(stamped)));
  },
  recommend: (options) => Promise.resolve().then(() => first().api.recommend(options)),
  exportData: () => Promise.resolve().then(() => first().api.exportData()),
  importData: (data) => Promise.resolve().then(() => toEach((engine) => engine.importData(data))),
  forget: () => Promise.resolve().then(() => toEach((engine) => engine.forget())),
};
