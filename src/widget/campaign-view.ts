import { failureText } from './failure';
import { watchDismissal } from '../client/campaign-watch';
import type { CatalogueItem } from '../shared/catalogue/schema';
import type { CampaignView as Chosen } from '../shared/engine-api';
import type { RecsApi } from './api';
import { DataPanel } from './data-panel';
import { campaignReasonText, widgetStrings, type WidgetStrings } from './i18n';
import { localEngine, type LocalEngine } from './local-engines';
import type { ViewEvents, WidgetView } from './local-view';
import { FRAME_ELEMENT_FLAG, type WidgetOptions } from './options';
import { handleListKeys, renderList } from './strip';

/** Items shown with a campaign, at most (fewer with a smaller `count`). */
export const CAMPAIGN_ITEMS = 4;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, part: string) => {
  const node = document.createElement(tag);
  node.className = part;
  node.setAttribute('part', part);
  return node;
};

/**
 * `<private-recs mode="campaign">`: the campaign this device picks for the visitor (one per
 * view, asked once), with its reason, a few of its items and a dismiss button. Inline it hides
 * itself when there is none; inside the isolated frame it keeps one fixed-size box, filled or
 * not, so the frame's height never tells the host page whether or which campaign was chosen.
 */
export class CampaignView implements WidgetView {
  private readonly engine: LocalEngine;
  private readonly strings: WidgetStrings;
  private readonly fixedLayout: boolean;
  private readonly box = el('section', 'container campaign');
  private readonly heading = el('h2', 'title');
  private readonly text = el('p', 'campaign-text');
  private readonly reason = el('p', 'reason campaign-reason');
  private readonly message = el('p', 'message');
  private readonly list = el('ol', 'list');
  private readonly dismiss = el('button', 'dismiss');
  private readonly footer = el('p', 'footer');
  /** The visitor's own way to their data, as under a strip (in the frame: there, fixed size). */
  private readonly data: DataPanel;
  private chosen: Chosen | null = null;
  private live = true;
  /** Stops watching for a dismissal of the campaign on show elsewhere (another tab, the API). */
  private unwatch: (() => void) | null = null;

  constructor(
    root: ShadowRoot,
    private options: WidgetOptions,
    private readonly events: ViewEvents,
  ) {
    this.engine = localEngine(options);
    this.fixedLayout = root.host.hasAttribute(FRAME_ELEMENT_FLAG);
    this.strings = widgetStrings(root.host);
    const kicker = el('p', 'kicker');
    kicker.textContent = this.strings.campaignKicker;
    this.dismiss.type = 'button';
    this.dismiss.textContent = this.strings.dismiss;
    this.message.hidden = true;
    this.box.title = '';
    this.box.append(kicker, this.heading, this.text, this.reason, this.list, this.dismiss);
    this.data = new DataPanel(root.host, this.engine, this.fixedLayout, { erased: this.afresh });
    this.footer.append(this.data.link);
    const view = document.createElement('div');
    view.className = 'campaign-mode';
    view.append(this.box, this.footer, this.data.panel);
    root.replaceChildren(view, this.message);
    this.dismiss.addEventListener('click', this.onDismiss);
    this.list.addEventListener('click', this.onClick);
    this.list.addEventListener('keydown', (event) => {
      handleListKeys(this.list, event);
    });
    this.box.hidden = !this.fixedLayout;
    this.render(null, new Map());
    events.state('loading');
    void this.load();
  }

  get api(): RecsApi {
    return this.engine.recs;
  }

  update(options: WidgetOptions): void {
    this.options = options;
  }

  destroy(): void {
    this.live = false;
    this.unwatch?.();
    this.data.destroy();
  }

  private get itemCount(): number {
    return Math.min(CAMPAIGN_ITEMS, this.options.count);
  }

  private async load(): Promise<void> {
    try {
      const [items, chosen] = await Promise.all([
        this.engine.items,
        this.engine.recs.campaign({ items: this.itemCount }),
      ]);
      if (!this.live) return;
      this.chosen = chosen;
      this.render(chosen, items);
      this.events.state(chosen || this.fixedLayout ? 'ready' : 'empty');
      if (chosen) this.unwatch = watchDismissal(this.engine.recs, chosen.id, this.hide);
    } catch (error) {
      if (!this.live) return;
      const text = this.strings.unavailable(failureText(this.strings, error));
      this.message.hidden = false;
      this.message.textContent = text;
      this.events.state('error', text);
    }
  }

  /** Fills the box, or (in the frame) leaves it as an inert placeholder of the same size. */
  private render(chosen: Chosen | null, items: ReadonlyMap<string, CatalogueItem>): void {
    this.box.hidden = !chosen && !this.fixedLayout;
    this.box.classList.toggle('placeholder', !chosen);
    this.box.toggleAttribute('aria-hidden', !chosen);
    this.heading.textContent = chosen?.title ?? '';
    this.text.textContent = chosen?.text ?? '';
    this.reason.textContent = chosen ? campaignReasonText(this.strings, chosen.why) : '';
    this.dismiss.hidden = false;
    this.dismiss.style.visibility = chosen ? '' : 'hidden';
    this.dismiss.setAttribute('aria-label', this.strings.dismissLabel(chosen?.title ?? ''));
    const recs = (chosen?.itemIds ?? []).map((itemId) => ({ itemId, score: 0, reason: '' }));
    const { images, catalogueUrl } = this.options;
    const slots = this.fixedLayout ? this.itemCount : recs.length;
    renderList(this.list, this.message, {
      state: 'ready',
      recs,
      items,
      images,
      catalogueUrl,
      slots,
    });
    this.list.hidden = slots === 0;
    this.placeFooter();
  }

  /**
   * The data link shows with the campaign. Inline, a view left with none hides it unless the
   * visitor is using the panel (it then stays, focus going back to it on close); in the frame
   * it always shows: one size, always.
   */
  private placeFooter(): void {
    this.footer.hidden = !this.chosen && !this.fixedLayout && this.data.panel.hidden;
  }

  /** Everything was erased: the campaign chosen from that history goes, and a new one is asked. */
  private readonly afresh = () => {
    this.unwatch?.();
    this.unwatch = null;
    void this.load();
  };

  /** Drops the campaign from view (dismissed here or anywhere else on the device). */
  private readonly hide = () => {
    if (!this.chosen) return;
    this.chosen = null;
    this.unwatch?.();
    void this.engine.items.then((items) => {
      if (!this.live) return;
      this.render(null, items);
      if (!this.fixedLayout) this.events.state('empty');
    });
  };

  private readonly onDismiss = () => {
    const chosen = this.chosen;
    if (!chosen) return;
    this.hide();
    this.engine.recs.dismissCampaign(chosen.id).catch((error: unknown) => {
      console.warn('private-recs: could not keep the dismissal.', error);
    });
  };

  private readonly onClick = (event: MouseEvent) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.item');
    const itemId = button?.dataset.itemId;
    if (!itemId) return;
    this.engine.recs
      .track({ type: 'click', itemId })
      .catch((error: unknown) => {
        console.warn('private-recs: could not record the click.', error);
      })
      .finally(() => {
        this.events.select(itemId);
      });
  };
}
