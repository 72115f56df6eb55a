import { newEventId } from '../client/coalesce';
import type { ReadyInfo } from '../client/private-recs';
import type {
  CampaignOptions,
  CampaignView,
  ImportResult,
  Recommendation,
  RecommendOptions,
} from '../shared/engine-api';
import {
  checkCampaignId,
  checkCampaignOptions,
  checkImportData,
  checkRecommendOptions,
  checkTrackEvent,
} from '../shared/api-args';
import { PrivateRecsError } from '../shared/errors';
import type { TrackEvent } from '../shared/interactions/types';

/** The JavaScript API of PRODUCT.md, as the widget module exports it. */
export interface RecsApi {
  ready: () => Promise<ReadyInfo>;
  track: (event: TrackEvent) => Promise<void>;
  recommend: (options?: RecommendOptions) => Promise<Recommendation[]>;
  campaign: (options?: CampaignOptions) => Promise<CampaignView | null>;
  dismissCampaign: (id: string) => Promise<void>;
  exportData: () => Promise<Blob>;
  importData: (data: Blob) => Promise<ImportResult>;
  forget: () => Promise<void>;
}

/** An element's engine as the module API sees it. */
export interface Registered {
  element: Element;
  api: RecsApi;
  /** Isolated frames each hold their own engine: events go to all of them. */
  isolated: boolean;
}

const registered: Registered[] = [];
let announce: (() => void) | null = null;
let announced = new Promise<void>((resolve) => (announce = resolve));

/** How long a call made before any element exists waits for one (a page still rendering). */
const WAIT_FOR_ELEMENT_MS = 10_000;

/** Called by each element when its engine starts. */
export function register(entry: Registered): void {
  registered.push(entry);
  announce?.();
}

export function unregister(entry: Registered): void {
  const at = registered.indexOf(entry);
  if (at >= 0) registered.splice(at, 1);
  if (registered.length === 0) announced = new Promise<void>((resolve) => (announce = resolve));
}

/** The engines in document order: the first `<private-recs>` of the page decides. */
function inOrder(): Registered[] {
  return [...registered].sort((a, b) =>
    a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

/** The first element's engine; a call made before any element exists waits a little for one. */
async function first(): Promise<Registered> {
  if (registered.length === 0) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>(
      (resolve) => (timer = setTimeout(resolve, WAIT_FOR_ELEMENT_MS)),
    );
    await Promise.race([announced, timeout]);
    clearTimeout(timer);
  }
  const entry = inOrder()[0];
  if (entry) return entry;
  throw new PrivateRecsError(
    'widget-not-configured',
    'No <private-recs> element is on this page: add one with a catalogue attribute before calling the API.',
  );
}

/**
 * Where an event goes: the first element's engine; in isolated mode every isolated frame (each
 * may keep its history only in memory when the browser blocks storage in embedded frames). The
 * event gets its time and id here, so frames sharing one database store it once.
 */
async function toEach<T>(use: (api: RecsApi) => Promise<T>): Promise<T> {
  const head = await first();
  // Isolated frames each hold their engine; a local engine shares the page's database.
  const frames = inOrder().filter((entry) => entry.isolated);
  const local = inOrder().find((entry) => !entry.isolated);
  const targets = head.isolated ? [...frames, ...(local ? [local] : [])] : [head, ...frames];
  const [result] = await Promise.all(targets.map((entry) => use(entry.api)));
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
  ready: async () => (await first()).api.ready(),
  // Arguments are checked before waiting for an element: a wrong call is answered at once.
  track: async (event) => {
    const checked = checkTrackEvent(event, Date.now());
    const stamped: TrackEvent = { ...checked, eid: checked.eid ?? newEventId() };
    return toEach((engine) => engine.track(stamped));
  },
  recommend: async (options) => {
    const checked = checkRecommendOptions(options);
    return (await first()).api.recommend(checked);
  },
  campaign: async (options) => {
    const checked = checkCampaignOptions(options);
    return (await first()).api.campaign(checked);
  },
  dismissCampaign: async (id) => {
    const checked = checkCampaignId(id);
    return toEach((engine) => engine.dismissCampaign(checked));
  },
  exportData: async () => (await first()).api.exportData(),
  importData: async (data) => {
    checkImportData(data);
    return toEach((engine) => engine.importData(data));
  },
  forget: () => toEach((engine) => engine.forget()),
};
