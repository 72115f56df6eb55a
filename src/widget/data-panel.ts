import type { EngineChange, EngineStatus } from '../shared/engine-api';
import { errorMessage } from '../shared/errors';
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

function button(part: string, text: string): HTMLButtonElement {
  const node = el('button', part, text);
  node.type = 'button';
  return node;
}

/**
 * "Your data on this device": a link under the strip that opens a panel with what is stored,
 * Export, Erase (confirmed) and Pause / Resume learning, on the engine the strip uses. In the
 * isolated frame it is rendered there, in the frame's document, with a fixed size (`fixed`): the
 * frame's height may say that the visitor opened it, never what it shows.
 */
export class DataPanel {
  readonly link = button('data-link', '');
  readonly panel = el('section', 'data-panel');
  private readonly heading = el('h3', 'data-title');
  private readonly counts = el('dl', 'data-counts');
  private readonly where = el('p', 'data-where');
  private readonly learning = el('p', 'data-learning');
  private readonly pause = button('data-pause', '');
  private readonly erase: HTMLButtonElement;
  private readonly confirm = el('div', 'data-confirm');
  private readonly message = el('p', 'data-message');
  private readonly strings: WidgetStrings;
  private readonly numbers: Intl.NumberFormat;
  private summary: DataSummary | null = null;

  constructor(
    host: Element,
    private readonly engine: LocalEngine,
    private readonly fixed: boolean,
  ) {
    const strings = (this.strings = widgetStrings(host));
    this.numbers = new Intl.NumberFormat(widgetLanguage(host));
    this.link.textContent = strings.dataLink;
    this.link.setAttribute('aria-expanded', 'false');
    this.link.setAttribute('aria-controls', 'private-recs-data');
    this.panel.id = 'private-recs-data';
    this.panel.hidden = true;
    this.panel.classList.toggle('fixed', fixed);
    this.panel.setAttribute('aria-labelledby', 'private-recs-data-title');
    this.heading.id = 'private-recs-data-title';
    this.heading.tabIndex = -1;
    this.heading.textContent = strings.dataLink;
    this.message.setAttribute('role', 'status');
    const exporter = button('data-export', strings.dataExport);
    this.erase = button('data-erase', strings.dataErase);
    const actions = el('div', 'data-actions');
    actions.append(this.pause, exporter, this.erase, button('data-close', strings.dataClose));
    const yes = button('data-erase-confirm', strings.dataEraseConfirm);
    const no = button('data-erase-cancel', strings.dataCancel);
    this.confirm.hidden = true;
    this.confirm.setAttribute('role', 'group');
    this.confirm.append(el('p', 'data-question', strings.dataEraseQuestion), yes, no);
    const intro = el('p', 'data-intro', strings.dataIntro);
    this.panel.append(this.heading, intro, this.counts, this.where, this.learning);
    this.panel.append(actions, this.confirm, this.message);
    this.link.addEventListener('click', () => {
      if (this.panel.hidden) this.open();
      else this.close();
    });
    this.panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.close();
    });
    this.pause.addEventListener('click', this.onPause);
    exporter.addEventListener('click', this.onExport);
    this.erase.addEventListener('click', () => {
      this.askToErase(true);
    });
    yes.addEventListener('click', this.onErase);
    no.addEventListener('click', () => {
      this.askToErase(false);
    });
    actions.lastElementChild?.addEventListener('click', () => {
      this.close();
    });
    this.render();
  }

  destroy(): void {
    this.listen(false);
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

  private say(text: string): void {
    this.message.textContent = text;
  }

  private readonly fail = (error: unknown) => {
    console.warn('private-recs: the data panel could not do that.', error);
    this.say(this.strings.dataFailed(errorMessage(error)));
  };

  private readonly onPause = () => {
    const paused = !this.summary?.paused;
    this.engine.recs.internals.setLearningPaused(paused).catch(this.fail);
  };

  private readonly onExport = () => {
    this.engine.recs.exportData().then((blob) => {
      const file = exportFileName(new Date());
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      link.click();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 10_000);
      // A browser may refuse downloads from an embedded frame without saying so to the frame.
      const note = this.fixed ? ` ${this.strings.dataFrameDownloads}` : '';
      this.say(this.strings.dataExported(file) + note);
    }, this.fail);
  };

  private readonly onErase = () => {
    this.askToErase(false);
    this.engine.recs.forget().then(() => {
      this.say(this.strings.dataErased);
    }, this.fail);
  };
}
