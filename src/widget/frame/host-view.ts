import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import { PrivateRecsError } from '../../shared/errors';
import type { RecsApi } from '../api';
import type { ViewEvents, WidgetView } from '../local-view';
import type { Attributes, WidgetOptions } from '../options';
import {
  CONNECT_MESSAGE,
  FRAME_PAGE,
  THEME_PROPERTIES,
  type FrameApi,
  type FrameEvents,
  type Theme,
} from './protocol';

/** How long the frame may take to load and answer before the element reports an error. */
const CONNECT_TIMEOUT_MS = 20_000;

let frameBase: URL | null = null;

/** Set once by the widget entry: the folder widget.js was loaded from (the frame's origin). */
export function setFrameBase(base: URL): void {
  frameBase = base;
}

function attributesOf(options: WidgetOptions): Attributes {
  return {
    catalogue: options.catalogueUrl,
    count: String(options.count),
    'context-item': options.contextItemId ?? null,
    query: options.query ?? null,
    title: options.title,
    images: options.images ? '' : null,
    model: options.model,
    backend: options.backend,
  };
}

function themeOf(host: HTMLElement): Theme {
  const style = getComputedStyle(host);
  const theme: Theme = {};
  for (const name of THEME_PROPERTIES) {
    const value = style.getPropertyValue(name).trim();
    if (value) theme[name] = value;
  }
  return theme;
}

const refused = (what: string) =>
  Promise.reject(
    new PrivateRecsError(
      'widget-isolated',
      `${what} is not available in isolated mode: the visitor's history and recommendations stay inside the widget's frame. Listen for private-recs:select to learn which item was picked.`,
    ),
  );

/**
 * Isolated mode: the strip runs in an iframe from the widget's own origin, so the history lives
 * in that origin's storage. This page gets a write-only channel: events in, picks out.
 */
export class IsolatedView implements WidgetView {
  readonly api: RecsApi;
  private readonly frame: HTMLIFrameElement;
  private readonly remote: Promise<Remote<FrameApi>>;
  private latest: Remote<FrameApi> | null = null;

  constructor(
    root: ShadowRoot,
    private readonly host: HTMLElement,
    private options: WidgetOptions,
    private readonly events: ViewEvents,
  ) {
    if (!frameBase) throw new Error('setFrameBase() was not called by the widget entry.');
    const src = new URL(FRAME_PAGE, frameBase);
    this.frame = document.createElement('iframe');
    this.frame.className = 'frame';
    this.frame.setAttribute('part', 'frame');
    this.frame.title = options.title;
    // The frame's request must not tell the widget's host which page of the shop this is.
    this.frame.referrerPolicy = 'no-referrer';
    this.frame.src = src.href;
    this.remote = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`The isolated widget frame (${src.href}) did not answer.`));
      }, CONNECT_TIMEOUT_MS);
      // Every load (a reloaded or crashed frame too) gets a fresh channel.
      this.frame.addEventListener('load', () => {
        this.connect(src.origin).then((remote) => {
          clearTimeout(timer);
          this.latest = remote;
          resolve(remote);
        }, reject);
      });
    });
    this.remote.catch((error: unknown) => {
      events.state('error', `Recommendations are unavailable: ${String(error)}`);
    });
    events.state('loading');
    root.replaceChildren(this.frame);
    this.api = {
      ready: () => this.call((r) => r.ready()),
      track: (event) => this.call((r) => r.track(event)),
      recommend: () => refused('recommend()'),
      exportData: () => refused('exportData()'),
      importData: (data) => data.text().then((text) => this.call((r) => r.importData(text))),
      forget: () => this.call((r) => r.forget()),
    };
  }

  private async connect(origin: string): Promise<Remote<FrameApi>> {
    const channel = new MessageChannel();
    this.frame.contentWindow?.postMessage({ type: CONNECT_MESSAGE }, origin, [channel.port2]);
    const remote = wrap<FrameApi>(channel.port1);
    const events: FrameEvents = {
      state: (state, message) => {
        this.events.state(state, message);
      },
      select: (itemId) => {
        if (typeof itemId === 'string') this.events.select(itemId);
      },
      resize: (height) => {
        if (Number.isFinite(height) && height > 0)
          this.frame.style.height = `${Math.ceil(height)}px`;
      },
    };
    await remote.start(attributesOf(this.options), themeOf(this.host), proxy(events));
    return remote;
  }

  private async call<T>(use: (remote: Remote<FrameApi>) => Promise<T>): Promise<T> {
    return use(this.latest ?? (await this.remote));
  }

  update(options: WidgetOptions): void {
    this.options = options;
    this.frame.title = options.title;
    this.latest?.update(attributesOf(options), themeOf(this.host)).catch((error: unknown) => {
      console.warn('private-recs: the frame missed an update.', error);
    });
  }

  destroy(): void {
    this.latest?.[releaseProxy]();
    this.latest = null;
  }
}
