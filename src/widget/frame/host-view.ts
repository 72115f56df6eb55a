import type { ReadyInfo } from '../../client/private-recs';
import type { ImportResult } from '../../shared/engine-api';
import { PrivateRecsError } from '../../shared/errors';
import type { RecsApi } from '../api';
import type { ViewEvents, WidgetView } from '../local-view';
import type { Attributes, WidgetOptions } from '../options';
import { FrameChannel } from './channel';
import {
  CONNECT_MESSAGE,
  FRAME_PAGE,
  THEME_PROPERTIES,
  type FrameEvent,
  type FrameMethod,
  type FrameRequests,
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
    mode: options.mode,
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
 * in that origin's storage. This page gets a narrow channel: events in, picks out.
 */
export class IsolatedView implements WidgetView {
  readonly api: RecsApi;
  private readonly frame: HTMLIFrameElement;
  /** The channel to the frame's current document; replaced on every load of the frame. */
  private channel: Promise<FrameChannel>;
  private resolveChannel: (channel: FrameChannel) => void = () => undefined;
  private current: FrameChannel | null = null;
  private readonly timer: ReturnType<typeof setTimeout>;
  private live = true;
  /** Bumped on every update, so one made during the handshake is sent after it. */
  private version = 0;

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
    // No `part`: a host page that could style the frame could make it transparent over a decoy.
    this.frame.title = options.title;
    // The frame's request must not tell the widget's host which page of the shop this is.
    this.frame.referrerPolicy = 'no-referrer';
    this.frame.src = src.href;
    this.channel = this.pending();
    this.timer = setTimeout(() => {
      if (this.live && !this.current)
        events.state(
          'error',
          `Recommendations are unavailable: the widget frame (${src.href}) did not answer.`,
        );
    }, CONNECT_TIMEOUT_MS);
    this.frame.addEventListener('load', () => {
      void this.connect(src.origin);
    });
    events.state('loading');
    root.replaceChildren(this.frame);
    this.api = {
      ready: () => this.call('ready') as Promise<ReadyInfo>,
      track: (event) => this.call('track', event).then(() => undefined),
      recommend: () => refused('recommend()'),
      // Which campaign was chosen reveals the visitor's interests: the frame shows it instead.
      campaign: () => refused('campaign()'),
      dismissCampaign: (id) => this.call('dismissCampaign', id).then(() => undefined),
      exportData: () => refused('exportData()'),
      importData: (data) =>
        data.text().then((text) => this.call('importData', text) as Promise<ImportResult>),
      forget: () => this.call('forget').then(() => undefined),
    };
  }

  private pending(): Promise<FrameChannel> {
    return new Promise((resolve) => {
      this.resolveChannel = resolve;
    });
  }

  /** Every load (a reloaded or crashed frame too) gets a fresh channel; the old one fails fast. */
  private async connect(origin: string): Promise<void> {
    if (this.current) {
      this.current.close('The widget frame reloaded.');
      this.current = null;
      this.channel = this.pending();
    }
    const ports = new MessageChannel();
    this.frame.contentWindow?.postMessage({ type: CONNECT_MESSAGE }, origin, [ports.port2]);
    const channel = new FrameChannel(ports.port1, this.onEvent);
    const version = this.version;
    try {
      await channel.call('start', attributesOf(this.options), themeOf(this.host));
      if (!this.live) {
        channel.close('The element left the page.');
        return;
      }
      this.current = channel;
      this.resolveChannel(channel);
      if (version !== this.version) this.sendUpdate();
    } catch (error) {
      channel.close('The widget frame could not start.');
      if (this.live)
        this.events.state('error', `Recommendations are unavailable: ${String(error)}`);
    }
  }

  private readonly onEvent = (event: FrameEvent) => {
    if (!this.live) return;
    if (event.event === 'state') this.events.state(event.state, event.message);
    else if (event.event === 'select' && typeof event.itemId === 'string')
      this.events.select(event.itemId);
    else if (event.event === 'resize' && Number.isFinite(event.height) && event.height > 0)
      this.frame.style.height = `${Math.ceil(event.height)}px`;
  };

  private async call<M extends FrameMethod>(
    method: M,
    ...args: FrameRequests[M]
  ): Promise<unknown> {
    return (await this.channel).call(method, ...args);
  }

  private sendUpdate(): void {
    this.current
      ?.call('update', attributesOf(this.options), themeOf(this.host))
      .catch((error: unknown) => {
        console.warn('private-recs: the frame missed an update.', error);
      });
  }

  update(options: WidgetOptions): void {
    this.options = options;
    this.version += 1;
    this.frame.title = options.title;
    this.sendUpdate();
  }

  destroy(): void {
    this.live = false;
    clearTimeout(this.timer);
    this.current?.close('The element left the page.');
    this.current = null;
  }
}
