import type { CatalogueItem } from '../shared/catalogue/schema';
import type { Recommendation } from '../shared/engine-api';
import { formatPrice } from '../client/format';

/** What the strip shows: placeholders while loading, a message, or the picked items. */
export type StripView =
  | { state: 'loading'; count: number }
  | { state: 'message'; text: string }
  | {
      state: 'ready';
      recs: readonly Recommendation[];
      items: ReadonlyMap<string, CatalogueItem>;
      images: boolean;
      catalogueUrl: string;
      /** Slots to fill: the cards, then inert placeholders (a layout independent of how many). */
      slots: number;
    };

/** Creates an element with a class and an exposed `part`; text goes in as text, never markup. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  part: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = part;
  node.setAttribute('part', part);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An item image as an http(s) URL relative to the catalogue, or null (no javascript:, data:). */
function imageUrl(raw: string | undefined, catalogueUrl: string): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw, catalogueUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function card(
  rec: Recommendation,
  item: CatalogueItem,
  view: Extract<StripView, { state: 'ready' }>,
): HTMLLIElement {
  const slot = el('li', 'slot');
  const button = el('button', 'item');
  button.type = 'button';
  button.dataset.itemId = item.id;
  button.tabIndex = -1;
  const src = view.images ? imageUrl(item.image, view.catalogueUrl) : null;
  if (src) {
    const image = el('img', 'image');
    image.alt = '';
    image.loading = 'lazy';
    image.referrerPolicy = 'no-referrer';
    image.src = src;
    button.append(image);
  }
  button.append(el('span', 'category', item.category ?? ''), el('span', 'item-title', item.title));
  const price = item.price === undefined ? '' : formatPrice(item.price, item.currency);
  button.append(el('span', 'price', price), el('span', 'reason', rec.reason));
  slot.append(button);
  return slot;
}

/** Renders the list part of the strip into `list` (replacing what was there), keeping focus. */
export function renderList(list: HTMLOListElement, message: HTMLElement, view: StripView): void {
  const focused = (list.getRootNode() as ShadowRoot | Document).activeElement;
  const hadFocus = focused !== null && list.contains(focused);
  const focusedId = hadFocus ? (focused as HTMLElement).dataset.itemId : undefined;
  list.replaceChildren();
  message.hidden = view.state !== 'message';
  message.textContent = view.state === 'message' ? view.text : '';
  if (view.state === 'loading') {
    for (let i = 0; i < view.count; i++) {
      const slot = el('li', 'slot');
      slot.append(el('div', 'item skeleton'));
      list.append(slot);
    }
    list.setAttribute('aria-busy', 'true');
    return;
  }
  list.removeAttribute('aria-busy');
  if (view.state !== 'ready') return;
  for (const rec of view.recs) {
    const item = view.items.get(rec.itemId);
    if (item) list.append(card(rec, item, view));
  }
  for (let i = list.children.length; i < view.slots; i++) {
    const slot = el('li', 'slot');
    slot.setAttribute('aria-hidden', 'true');
    const placeholder = el('div', 'item placeholder');
    for (const part of ['category', 'item-title', 'price', 'reason'])
      placeholder.append(el('span', part));
    slot.append(placeholder);
    list.append(slot);
  }
  const buttons = [...list.querySelectorAll<HTMLButtonElement>('button.item')];
  const target = buttons.find((b) => b.dataset.itemId === focusedId) ?? buttons[0];
  if (!target) return;
  target.tabIndex = 0;
  // A re-render (new weights, another tab's event) must not throw the keyboard user out.
  if (hadFocus) target.focus();
}

/**
 * Roving focus: the strip is one tab stop; arrow keys, Home and End move between cards, Enter
 * and Space pick one (native buttons).
 */
export function handleListKeys(list: HTMLOListElement, event: KeyboardEvent): void {
  const buttons = [...list.querySelectorAll<HTMLButtonElement>('button.item')];
  // Inside a shadow root, the root's activeElement is the focused card.
  const focused = (list.getRootNode() as ShadowRoot | Document).activeElement;
  const from = buttons.findIndex((b) => b === focused);
  if (from < 0) return;
  const moves: Record<string, number> = {
    ArrowRight: from + 1,
    ArrowDown: from + 1,
    ArrowLeft: from - 1,
    ArrowUp: from - 1,
    Home: 0,
    End: buttons.length - 1,
  };
  const to = moves[event.key];
  if (to === undefined) return;
  event.preventDefault();
  const target = buttons[Math.max(0, Math.min(buttons.length - 1, to))];
  if (!target) return;
  for (const b of buttons) b.tabIndex = b === target ? 0 : -1;
  target.focus();
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
