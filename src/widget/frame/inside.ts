import { expose, type Remote } from 'comlink';
import { sendErrorCodes } from '../../shared/rpc-errors';
import { api } from '../api';
import { SELECT_EVENT } from '../element';
import { PrivateRecsError } from '../../shared/errors';
import { ENGINE_ATTRIBUTES, VIEW_ATTRIBUTES, type Attributes } from '../options';
import {
  CONNECT_MESSAGE,
  THEME_PROPERTIES,
  type FrameApi,
  type FrameEvents,
  type Theme,
} from './protocol';

/** Attributes the host may set on the frame's element (never `isolated`: this is the frame). */
const ALLOWED = [...ENGINE_ATTRIBUTES, ...VIEW_ATTRIBUTES].filter((name) => name !== 'isolated');

/** Copies the host's attributes and theme onto the frame's element; anything else is ignored. */
function apply(element: HTMLElement, attributes: Attributes, theme: Theme): void {
  for (const name of ALLOWED) {
    const value: unknown = attributes[name];
    if (typeof value === 'string') element.setAttribute(name, value);
    else element.removeAttribute(name);
  }
  for (const name of THEME_PROPERTIES) {
    const value: unknown = theme[name];
    if (typeof value === 'string') element.style.setProperty(name, value);
    else element.style.removeProperty(name);
  }
}

/** Reports the element's state and the page height to the host, and forwards picks. */
function watch(element: HTMLElement, events: Remote<FrameEvents>): void {
  // The host page may have gone or dropped the channel; the frame keeps working.
  const ignore = () => undefined;
  element.addEventListener(SELECT_EVENT, (event) => {
    events.select(event.detail.itemId).catch(ignore);
  });
  new MutationObserver(() => {
    const state = element.dataset.state as Parameters<FrameEvents['state']>[0] | undefined;
    if (state) events.state(state, element.dataset.message).catch(ignore);
  }).observe(element, { attributes: true, attributeFilter: ['data-state', 'data-message'] });
  new ResizeObserver(() => {
    // The body's own height: the document's scrollHeight never drops below the frame's.
    events.resize(document.body.getBoundingClientRect().height).catch(ignore);
  }).observe(document.body);
}

/**
 * Adds the frame's second policy: connections only to this origin (worker, runtimes, models) and
 * the origin of the catalogue the host asked for. Policies only ever narrow, so this is set once.
 */
function allowConnections(catalogue: unknown): void {
  let origin = '';
  try {
    if (typeof catalogue === 'string') origin = new URL(catalogue).origin;
  } catch {
    // An unusable URL: the element reports it; the policy stays at this origin only.
  }
  const modelRoot = import.meta.env.VITE_MODEL_ROOT?.trim();
  const hosts = [origin, modelRoot ? new URL(modelRoot).origin : ''].filter(
    (o) => o !== '' && o !== 'null',
  );
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src 'self' ${hosts.join(' ')}`.trim();
  document.head.append(meta);
}

function frameApi(): FrameApi {
  let element: HTMLElement | null = null;
  return {
    start(attributes, theme, events) {
      if (element) throw new PrivateRecsError('widget-isolated', 'The frame is already started.');
      allowConnections(attributes.catalogue);
      element = document.createElement('private-recs');
      apply(element, attributes, theme);
      // Called through the channel, the callbacks are Comlink proxies that return promises.
      watch(element, events as unknown as Remote<FrameEvents>);
      document.body.append(element);
      return Promise.resolve();
    },
    update(attributes, theme) {
      if (element) apply(element, attributes, theme);
    },
    // Even the number of events is behaviour: the host gets the engine facts only.
    ready: () => api.ready().then((info) => ({ ...info, interactions: 0 })),
    track: (event) => api.track(event),
    importData: (text) => api.importData(new Blob([text])),
    forget: () => api.forget(),
  };
}

/**
 * The frame page's side of isolated mode: it accepts one MessageChannel port, from its parent
 * window only, and exposes the write-only FrameApi on it.
 */
export function startFrame(): void {
  sendErrorCodes();
  document.documentElement.style.background = 'transparent';
  // Room for the focus ring of the edge cards, which the frame would otherwise clip.
  document.body.style.margin = '0';
  document.body.style.padding = '4px';
  let connected = false;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const port = event.ports[0];
    if (connected || event.source !== window.parent || window.parent === window || !port) return;
    if ((event.data as { type?: unknown } | null)?.type !== CONNECT_MESSAGE) return;
    connected = true;
    expose(frameApi(), port);
  });
}
