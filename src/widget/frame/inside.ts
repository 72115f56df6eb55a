import { importRejected } from '../../shared/interactions/import-file';
import { parseJsonl } from '../../shared/interactions/jsonl';
import { api } from '../api';
import { SELECT_EVENT } from '../element';
import { PrivateRecsError } from '../../shared/errors';
import type { ImportResult } from '../../shared/engine-api';
import {
  ENGINE_ATTRIBUTES,
  FRAME_ELEMENT_FLAG,
  VIEW_ATTRIBUTES,
  type Attributes,
} from '../options';
import { dispatch, type FrameHandlers } from './dispatch';
import { CONNECT_MESSAGE, THEME_PROPERTIES, type FrameEvent, type Theme } from './protocol';

/**
 * Attributes the host may set on the frame's element: never `isolated` (this is the frame), and
 * never `images` (image requests would tell an image host the host chose what is recommended).
 */
const ALLOWED = [...ENGINE_ATTRIBUTES, ...VIEW_ATTRIBUTES].filter(
  (name) => name !== 'isolated' && name !== 'images',
);

/** Copies the host's attributes and theme onto the frame's element; anything else is ignored. */
function apply(element: HTMLElement, attributes: Attributes, theme: Theme): void {
  for (const name of ALLOWED) {
    const value = attributes[name];
    if (typeof value === 'string') element.setAttribute(name, value);
    else element.removeAttribute(name);
  }
  for (const name of THEME_PROPERTIES) {
    const value = theme[name];
    if (typeof value === 'string') element.style.setProperty(name, value);
    else element.style.removeProperty(name);
  }
}

/**
 * Tells the host the element's state (loading, ready or error: an empty list is "ready", so the
 * state never says whether the visitor engaged with an item), only when it changes; the page
 * height when it changes; and picks.
 */
function watch(element: HTMLElement, send: (event: FrameEvent) => void): void {
  let last = '';
  element.addEventListener(SELECT_EVENT, (event) => {
    send({ event: 'select', itemId: event.detail.itemId });
  });
  new MutationObserver(() => {
    const raw = element.dataset.state;
    const state = raw === 'error' ? 'error' : raw === 'loading' ? 'loading' : 'ready';
    const message = state === 'error' ? element.dataset.message : undefined;
    const key = `${state}|${message ?? ''}`;
    if (raw === undefined || key === last) return;
    last = key;
    send({ event: 'state', state, ...(message === undefined ? {} : { message }) });
  }).observe(element, { attributes: true, attributeFilter: ['data-state', 'data-message'] });
  new ResizeObserver(() => {
    // The body's own height: the document's scrollHeight never drops below the frame's.
    send({ event: 'resize', height: document.body.getBoundingClientRect().height });
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

function handlers(send: (event: FrameEvent) => void): FrameHandlers {
  let element: HTMLElement | null = null;
  return {
    start(attributes, theme) {
      if (element) throw new PrivateRecsError('widget-isolated', 'The frame is already started.');
      allowConnections(attributes.catalogue);
      element = document.createElement('private-recs');
      element.setAttribute(FRAME_ELEMENT_FLAG, '');
      apply(element, attributes, theme);
      watch(element, send);
      document.body.append(element);
      return Promise.resolve();
    },
    update(attributes, theme) {
      if (element) apply(element, attributes, theme);
      return Promise.resolve();
    },
    // Even the number of events is behaviour: the host gets the engine facts only.
    ready: () => api.ready().then((info) => ({ ...info, interactions: 0 })),
    track: (event) => api.track(event),
    // Answered from the file alone, before the work: how many lines were usable (not how many
    // were new), and as soon as for an empty history (its time would tell how much is stored).
    importData: (text) => {
      const parsed = parseJsonl(text, Date.now());
      if (parsed.interactions.length === 0 && parsed.settings === null) {
        return Promise.reject(importRejected(parsed));
      }
      api.importData(new Blob([text])).catch((error: unknown) => {
        console.warn('private-recs: the import into the widget frame failed.', error);
      });
      const { rejected, problems, lines } = parsed;
      const result: ImportResult = {
        imported: parsed.interactions.length,
        rejected,
        problems,
        lines,
      };
      return Promise.resolve(result);
    },
    // Answered the same whether or not the campaign was ever shown here.
    dismissCampaign: (id) => api.dismissCampaign(id),
    forget: () => api.forget(),
  };
}

/**
 * The frame page's side of isolated mode: it accepts one MessageChannel port, from its parent
 * window only, and answers the requests of src/widget/frame/protocol.ts on it.
 */
export function startFrame(): void {
  if (window.parent !== window) {
    try {
      // Readable only when the host page is on this origin: then nothing is isolated.
      if (window.parent.location.origin === location.origin)
        console.warn(
          'private-recs: this page and the widget share an origin, so isolated mode isolates nothing. Serve widget.js from another origin.',
        );
    } catch {
      // A cross-origin parent: as it should be.
    }
  }
  document.documentElement.style.background = 'transparent';
  // No scrollbar: one would narrow the strip, change its layout and its height, and so on.
  document.documentElement.style.overflow = 'hidden';
  // Room for the focus ring of the edge cards, which the frame would otherwise clip.
  document.body.style.margin = '0';
  document.body.style.padding = '4px';
  let connected = false;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const port = event.ports[0];
    if (connected || event.source !== window.parent || window.parent === window || !port) return;
    if ((event.data as { type?: unknown } | null)?.type !== CONNECT_MESSAGE) return;
    connected = true;
    const send = (message: FrameEvent) => {
      port.postMessage(message);
    };
    const answer = handlers(send);
    const attributeNames = [...ENGINE_ATTRIBUTES, ...VIEW_ATTRIBUTES];
    port.addEventListener('message', (request: MessageEvent<unknown>) => {
      void dispatch(request.data, answer, attributeNames, THEME_PROPERTIES).then((response) => {
        if (response) port.postMessage(response);
      });
    });
    port.start();
  });
}
