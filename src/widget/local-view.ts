import { failureText } from './failure';
import { coalesce } from '../client/coalesce';
import { DataPanel } from './data-panel';
import { PickGuard } from './visibility';
import { describeProgress } from '../client/progress';
import type { EngineProgress } from '../shared/engine-api';
import type { RecsApi } from './api';
import { localEngine, type LocalEngine } from './local-engines';
import { widgetStrings, type WidgetStrings } from './i18n';
import { FRAME_ELEMENT_FLAG, type WidgetOptions } from './options';
import { handleListKeys, renderList } from './strip';

/** What a view tells its element: its state, and the item the visitor picked. */
export interface ViewEvents {
  state(state: 'loading' | 'ready' | 'empty' | 'error', message?: string): void;
  select(itemId: string): void;
}

/** A rendered strip (local engine or isolated frame) that the element drives. */
export interface WidgetView {
  readonly api: RecsApi;
  update(options: WidgetOptions): void;
  destroy(): void;
}

/** The strip rendered in this page's shadow root, from an engine worker of this page. */
export class LocalView implements WidgetView {
  private readonly engine: LocalEngine;
  private readonly title: HTMLHeadingElement;
  private readonly message: HTMLParagraphElement;
  private readonly list: HTMLOListElement;
  private shown = '';
  /** Something (cards or a message) is on show; later refreshes replace it without a skeleton. */
  private rendered = false;
  /** What the list shows now, to skip re-rendering the same cards. */
  private signature = '';
  /** Inside an isolated frame: always `count` slots, never "empty" (see frame/inside.ts). */
  private readonly fixedLayout: boolean;
  private live = true;
  private visible = false;
  private recorded = '';
  private readonly sight: IntersectionObserver;
  /** In the isolated frame: whether a click may count as a pick (see PickGuard). */
  private readonly guard: PickGuard | null;
  /** In the element's language (its `lang`, else the page's, else the browser's). */
  private readonly strings: WidgetStrings;
  private readonly data: DataPanel;

  constructor(
    root: ShadowRoot,
    private options: WidgetOptions,
    private readonly events: ViewEvents,
  ) {
    this.engine = localEngine(options);
    this.fixedLayout = root.host.hasAttribute(FRAME_ELEMENT_FLAG);
    this.strings = widgetStrings(root.host);
    const container = document.createElement('section');
    container.className = 'container';
    container.setAttribute('part', 'container');
    // An empty title stops the host's `title` attribute from showing as a tooltip everywhere.
    container.title = '';
    this.title = Object.assign(document.createElement('h2'), { className: 'title' });
    this.title.setAttribute('part', 'title');
    this.message = Object.assign(document.createElement('p'), { className: 'message' });
    this.message.setAttribute('part', 'message');
    this.message.setAttribute('role', 'status');
    this.list = Object.assign(document.createElement('ol'), { className: 'list' });
    this.list.setAttribute('part', 'list');
    const footer = document.createElement('p');
    footer.className = 'footer';
    footer.setAttribute('part', 'footer');
    const note = document.createElement('span');
    note.textContent = this.strings.footer;
    // The visitor's own way to their data, on the engine this strip uses (in the frame: there).
    this.data = new DataPanel(root.host, this.engine, this.fixedLayout);
    footer.append(note, ' ', this.data.link);
    // The encoder in use once indexing has settled, for shops' scripts and tests to see.
    this.engine.indexed.then(
      (status) => {
        if (this.live) (root.host as HTMLElement).dataset.encoder = status.encoder.id;
      },
      () => undefined, // A failed start is shown by refresh().
    );
    this.engine.notices.then(
      (notices) => {
        if (notices.some((notice) => notice.code === 'storage-memory'))
          note.textContent += ` ${this.strings.footerMemoryOnly}`;
      },
      () => undefined, // A failed start is shown by refresh().
    );
    container.append(this.title, this.message, this.list, footer, this.data.panel);
    root.replaceChildren(container);
    this.list.addEventListener('click', this.onClick);
    this.list.addEventListener('keydown', this.onKey);
    this.engine.recs.addEventListener('change', this.refresh);
    this.engine.recs.addEventListener('progress', this.onProgress);
    // Impressions count only what the visitor could see: not a strip in a hidden section.
    this.sight = new IntersectionObserver((entries) => {
      this.visible = entries.some((entry) => entry.isIntersecting);
      this.recordImpressions();
    });
    this.sight.observe(this.list);
    // Inline, the page could call track() itself: a guard would protect nothing there.
    this.guard = this.fixedLayout ? new PickGuard(this.list) : null;
    this.update(options);
  }

  get api(): RecsApi {
    return this.engine.recs;
  }

  update(options: WidgetOptions): void {
    this.options = options;
    this.title.textContent = options.title;
    this.list.setAttribute('aria-label', options.title);
    this.refresh();
  }

  destroy(): void {
    this.live = false;
    this.data.destroy();
    this.sight.disconnect();
    this.guard?.disconnect();
    this.engine.recs.removeEventListener('change', this.refresh);
    this.engine.recs.removeEventListener('progress', this.onProgress);
  }

  private readonly onProgress = (event: Event) => {
    if (!this.list.hasAttribute('aria-busy')) return;
    const { text } = describeProgress((event as CustomEvent<EngineProgress>).detail);
    this.message.hidden = false;
    this.message.textContent = text;
  };

  /** One render at a time, one more after a burst of changes (see coalesce). */
  private readonly refresh = coalesce(() => this.render());

  private render(): Promise<void> {
    const { count, query, contextItemId, images, catalogueUrl } = this.options;
    if (!this.rendered) {
      renderList(this.list, this.message, { state: 'loading', count });
      this.events.state('loading');
    }
    const current = () => this.live;
    return Promise.all([
      this.engine.items,
      this.engine.recs.recommend({ count, query, contextItemId }),
    ])
      .then(([items, recs]) => {
        if (!current()) return;
        this.rendered = true;
        if (recs.length === 0 && !this.fixedLayout) {
          const text = query ? this.strings.noMatches : this.strings.nothingYet;
          renderList(this.list, this.message, { state: 'message', text });
          this.shown = this.signature = '';
          this.events.state('empty');
          return;
        }
        const slots = this.fixedLayout ? count : recs.length;
        const signature = JSON.stringify([recs.map((r) => [r.itemId, r.reason]), slots, images]);
        if (signature !== this.signature) {
          const view = { state: 'ready', recs, items, images, catalogueUrl, slots } as const;
          renderList(this.list, this.message, view);
          this.signature = signature;
        }
        this.events.state('ready');
        this.shown = recs.map((r) => r.itemId).join(' ');
        this.recordImpressions();
      })
      .catch((error: unknown) => {
        if (!current()) return;
        this.rendered = true;
        const text = this.strings.unavailable(failureText(this.strings, error));
        renderList(this.list, this.message, { state: 'message', text });
        this.shown = this.signature = '';
        this.events.state('error', text);
      });
  }

  /** The plain feed records what it showed, as the app's home feed does (weak negatives). */
  private recordImpressions(): void {
    if (!this.visible || this.shown === '' || this.shown === this.recorded) return;
    this.recorded = this.shown;
    if (this.options.query || this.options.contextItemId) return;
    this.engine.recs.internals.recordImpressions(this.shown.split(' ')).catch((error: unknown) => {
      console.warn('private-recs: could not record what was shown.', error);
    });
  }

  private readonly onClick = (event: MouseEvent) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.item');
    const itemId = button?.dataset.itemId;
    if (!itemId) return;
    if (this.guard && !this.guard.allows()) {
      // A hidden, covered or just-moved frame: the click was not meant for this strip.
      console.warn(
        'private-recs: a click on the strip while it was not fully visible was ignored.',
      );
      return;
    }
    // The select event follows the stored click, so a shop that navigates at once loses nothing.
    this.engine.recs
      .track({ type: 'click', itemId })
      .catch((error: unknown) => {
        console.warn('private-recs: could not record the click.', error);
      })
      .finally(() => {
        this.events.select(itemId);
      });
  };

  private readonly onKey = (event: KeyboardEvent) => {
    handleListKeys(this.list, event);
  };
}
