import type { EngineChange, EngineStatus } from '../shared/engine-api';
import { failureText } from './failure';
import { exportFileName, summarize, type DataSummary } from './data-summary';
import { widgetLanguage, widgetStrings, type WidgetStrings } from './i18n';
import type { LocalEngine } from './local-engines';

/** An element with a class, an exposed `part` and a test id, text as text. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  part: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = part;
  node.setAttribute('part', part);
  node.dataset.testid = `widget.${part}`;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(part: string, text: string, onClick?: () => void): HTMLButtonElement {
  const node = el('button', part, text);
  node.type = 'button';
  if (onClick) node.addEventListener('click', onClick);
  return node;
}

/** What a view may want to hear from its panel. */
export interface DataPanelHooks {
  /** The visitor erased everything from the panel. */
  erased?(): void;
}

/**
 * "Your data on this device": a link under the strip (or the campaign) that opens a panel with
 * what is stored, Export, Erase (confirmed) and Pause / Resume learning, on the engine the view
 * uses. In the isolated frame it is rendered there, in the frame's document, with a fixed size
 * (`fixed`): the frame's height may say that the visitor opened it, never what it shows.
 */
export class DataPanel {
  readonly link = button('data-link', '');
  readonly panel = el('section', 'data-panel');
  private readonly heading = el('h3', 'data-title');
  private readonly counts = el('dl', 'data-counts');
  private readonly where = el('p', 'data-where');
  private readonly learning = el('p', 'data-learning');
  private readonly pause = button('data-pause', '', () => {
    this.onPause();
  });
  private readonly erase = button('data-erase', '', () => {
    this.askToErase(true);
  });
  private readonly confirm = el('div', 'data-confirm');
  private readonly message = el('p', 'data-message');
  private readonly strings: WidgetStrings;
  private readonly numbers: Intl.NumberFormat;
  private summary: DataSummary | null = null;
  /** The blob: URL of the export on offer, until the message changes. */
  private saved: string | null = null;

  constructor(
    host: Element,
    private readonly engine: LocalEngine,
    private readonly fixed: boolean,
    private readonly hooks: DataPanelHooks = {},
  ) {
    this.strings = widgetStrings(host);
    this.numbers = new Intl.NumberFormat(widgetLanguage(host));
    this.build();
    this.render();
  }

  /** The link, the panel's parts and what each button does. */
  private build(): void {
    const { strings, link, panel, heading, confirm } = this;
    link.textContent = strings.dataLink;
    link.setAttribute('aria-expanded', 'false');
    link.setAttribute('aria-controls', 'private-recs-data');
    link.addEventListener('click', () => {
      if (panel.hidden) this.open();
      else this.close();
    });
    Object.assign(panel, { id: 'private-recs-data', hidden: true });
    panel.classList.toggle('fixed', this.fixed);
    panel.setAttribute('aria-labelledby', 'private-recs-data-title');
    panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.close();
    });
    Object.assign(heading, { id: 'private-recs-data-title', tabIndex: -1 });
    heading.textContent = strings.dataLink;
    this.erase.textContent = strings.dataErase;
    this.message.setAttribute('role', 'status');
    const actions = el('div', 'data-actions');
    actions.append(
      this.pause,
      button('data-export', strings.dataExport, this.onExport),
      this.erase,
      button('data-close', strings.dataClose, () => {
        this.close();
      }),
    );
    confirm.hidden = true;
    confirm.setAttribute('role', 'group');
    confirm.append(
      el('p', 'data-question', strings.dataEraseQuestion),
      button('data-erase-confirm', strings.dataEraseConfirm, this.onErase),
      button('data-erase-cancel', strings.dataCancel, () => {
        this.askToErase(false);
      }),
    );
    const intro = el('p', 'data-intro', strings.dataIntro);
    panel.append(heading, intro, this.counts, this.where, this.learning, actions);
    panel.append(confirm, this.message);
  }

  destroy(): void {
    this.listen(false);
    this.say('');
  }

  private open(): void {
    this.panel.hidden = false;
    this.link.setAttribute('aria-expanded', 'true');
    this.say('');
    this.listen(true);
    this.engine.recs.started
      .then(() => this.engine.recs.internals.status())
      .then(this.show, this.fail);
    // In the frame, not before the host has grown it: the frame would scroll inside itself.
    this.heading.focus({ preventScroll: this.fixed });
  }

  private close(): void {
    this.askToErase(false);
    this.panel.hidden = true;
    this.say('');
    this.link.setAttribute('aria-expanded', 'false');
    this.listen(false);
    this.link.focus();
  }

  /** While open, the panel shows the status the worker pushes with each change. */
  private listen(on: boolean): void {
    const recs = this.engine.recs;
    for (const type of ['change', 'status']) {
      if (on) recs.addEventListener(type, this.onChange);
      else recs.removeEventListener(type, this.onChange);
    }
  }

  private readonly onChange = (event: Event) => {
    const change = (event as CustomEvent<EngineChange | null>).detail;
    if (change) this.show(change.status);
    else this.engine.recs.internals.status().then(this.show, this.fail);
  };

  private readonly show = (status: EngineStatus) => {
    this.summary = summarize(status);
    this.render();
  };

  private render(): void {
    const { strings, summary } = this;
    const row = (label: string, count: number | undefined, id: string) => {
      const item = el('div', 'data-row');
      const value = el('dd', 'data-count', count === undefined ? '…' : this.numbers.format(count));
      value.dataset.testid = `widget.data-count.${id}`;
      item.append(el('dt', 'data-label', label), value);
      return item;
    };
    this.counts.replaceChildren(
      row(strings.dataInteractions, summary?.interactions, 'total'),
      ...(summary?.rows ?? []).map((r) => row(strings.dataTypes[r.type], r.count, r.type)),
      row(strings.dataImpressions, summary?.impressions, 'impression'),
    );
    this.where.textContent = !summary
      ? strings.dataReading
      : summary.memoryOnly
        ? strings.dataMemoryOnly
        : strings.dataStoredHere;
    this.learning.textContent = summary?.paused ? strings.dataPaused : strings.dataLearning;
    this.pause.textContent = summary?.paused ? strings.dataResume : strings.dataPause;
    this.pause.disabled = !summary;
  }

  private askToErase(asking: boolean): void {
    if (this.confirm.hidden === !asking) return;
    this.confirm.hidden = !asking;
    this.erase.setAttribute('aria-expanded', String(asking));
    if (asking) this.confirm.querySelector('button')?.focus();
    else if (!this.panel.hidden) this.erase.focus();
  }

  /** Replaces the message; the previous export's file is let go with its link. */
  private say(text: string, ...extra: Node[]): void {
    if (this.saved) URL.revokeObjectURL(this.saved);
    this.saved = null;
    this.message.replaceChildren(text, ...extra);
  }

  private readonly fail = (error: unknown) => {
    this.say(this.strings.dataFailed(failureText(this.strings, error)));
  };

  private readonly onPause = () => {
    const paused = !this.summary?.paused;
    this.engine.recs.internals.setLearningPaused(paused).catch(this.fail);
  };

  private readonly onExport = () => {
    this.engine.recs.exportData().then((blob) => {
      const file = exportFileName(new Date());
      // A browser may refuse downloads from an embedded frame without saying so to the frame.
      const note = this.fixed ? ` ${this.strings.dataFrameDownloads}` : '';
      const save = el('a', 'data-save', this.strings.dataSaveAgain);
      save.download = file;
      this.say(`${this.strings.dataExported(file)}${note} `, save);
      save.href = this.saved = URL.createObjectURL(blob);
      // Started at once; the link stays for a browser that no longer counts this as the click's.
      save.click();
    }, this.fail);
  };

  private readonly onErase = () => {
    this.askToErase(false);
    this.say('');
    this.engine.recs.forget().then(() => {
      this.say(this.strings.dataErased);
      this.hooks.erased?.();
    }, this.fail);
  };
}
