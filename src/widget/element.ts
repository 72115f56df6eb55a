import { register, unregister, type Registered } from './api';
import { CampaignView } from './campaign-view';
import { IsolatedView } from './frame/host-view';
import { LocalView, type ViewEvents, type WidgetView } from './local-view';
import { widgetStrings } from './i18n';
import {
  ENGINE_ATTRIBUTES,
  VIEW_ATTRIBUTES,
  readOptions,
  type Attributes,
  type WidgetOptions,
} from './options';
import css from './widget.css?inline';

/** Fired on the element (bubbling, composed) when the visitor picks a recommendation. */
export const SELECT_EVENT = 'private-recs:select';

export interface SelectDetail {
  itemId: string;
}

let sheet: CSSStyleSheet | null = null;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/**
 * `<private-recs catalogue="/catalogue.json" count="8">`: a strip of recommendations computed
 * in this browser. Attributes: catalogue, count, context-item, query, title, images, isolated,
 * model, backend, mode (`campaign`: the promotion chosen on this device instead of a strip). State in `data-state` (loading, ready, empty, error).
 */
export class PrivateRecsElement extends HTMLElement {
  static readonly observedAttributes = [...ENGINE_ATTRIBUTES, ...VIEW_ATTRIBUTES];

  private readonly root: ShadowRoot;
  private view: WidgetView | null = null;
  private entry: Registered | null = null;
  private engineAttrs = '';
  private pending = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [styles()];
  }

  connectedCallback(): void {
    this.schedule();
  }

  disconnectedCallback(): void {
    this.stop();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.schedule();
  }

  /** Attribute changes made together (a script setting three) cost one update. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      if (this.isConnected) this.apply();
    });
  }

  private readAttributes(): Attributes {
    const attrs: Attributes = {};
    for (const name of PrivateRecsElement.observedAttributes) attrs[name] = this.getAttribute(name);
    return attrs;
  }

  private apply(): void {
    const read = readOptions(this.readAttributes(), document.baseURI);
    if (!read.ok) {
      this.stop();
      this.showError(read.error);
      return;
    }
    for (const warning of read.warnings) console.warn(`<private-recs>: ${warning}`);
    const engineAttrs = JSON.stringify(ENGINE_ATTRIBUTES.map((name) => this.getAttribute(name)));
    if (this.view && engineAttrs === this.engineAttrs) {
      this.view.update(read.options);
      return;
    }
    this.stop();
    this.engineAttrs = engineAttrs;
    try {
      this.view = this.start(read.options);
    } catch (error) {
      // E.g. a page policy that forbids the worker: say so rather than stay blank.
      this.showError(error instanceof Error ? error.message : String(error));
      return;
    }
    this.entry = {
      element: this,
      api: this.view.api,
      isolated: this.view instanceof IsolatedView,
    };
    register(this.entry);
  }

  private start(options: WidgetOptions): WidgetView {
    const events: ViewEvents = {
      state: (state, message) => {
        this.dataset.state = state;
        if (message) this.dataset.message = message;
        else delete this.dataset.message;
      },
      select: (itemId) => {
        const detail: SelectDetail = { itemId };
        this.dispatchEvent(
          new CustomEvent(SELECT_EVENT, { detail, bubbles: true, composed: true }),
        );
      },
    };
    if (this.hasAttribute('isolated')) return new IsolatedView(this.root, this, options, events);
    return options.mode === 'campaign'
      ? new CampaignView(this.root, options, events)
      : new LocalView(this.root, options, events);
  }

  private stop(): void {
    if (this.entry) unregister(this.entry);
    this.entry = null;
    if (!this.view) return;
    this.view.destroy();
    this.view = null;
    this.engineAttrs = '';
  }

  /** The page's set-up is wrong (`detail` says how, for its developers, on the console). */
  private showError(detail: string): void {
    console.warn(`<private-recs>: ${detail}`);
    const strings = widgetStrings(this);
    const message = document.createElement('p');
    message.className = 'message';
    message.setAttribute('part', 'message');
    message.setAttribute('role', 'alert');
    message.textContent = strings.unavailable(strings.failure.setup);
    this.root.replaceChildren(message);
    this.dataset.state = 'error';
    this.dataset.message = message.textContent;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'private-recs': PrivateRecsElement;
  }
  interface HTMLElementEventMap {
    'private-recs:select': CustomEvent<SelectDetail>;
  }
}
