import type { InteractionType, StoredInteraction } from './types';

/** What the visitor has said or done about one item, read from the history. */
export interface ItemState {
  /** The latest like or dislike of the item still in the history (null: neither). */
  verdict: 'like' | 'dislike' | null;
  /** In the local cart: added to the cart after its last purchase. */
  inCart: boolean;
  /** When the visitor last bought it (null: never). */
  purchasedAt: number | null;
}

/** One item in the local cart, with when it was last added. */
export interface CartLine {
  itemId: string;
  addedAt: number;
}

/** What a visitor can take back on an item page. */
export type Withdrawable = Extract<InteractionType, 'like' | 'dislike' | 'add_to_cart'>;
export const WITHDRAWABLE: readonly Withdrawable[] = ['like', 'dislike', 'add_to_cart'];

interface Latest {
  like: number;
  dislike: number;
  cart: number;
  purchase: number;
}

/** The latest time of each act per item (−Infinity: never), over a history in time order. */
function latestByItem(history: readonly StoredInteraction[], only?: string): Map<string, Latest> {
  const latest = new Map<string, Latest>();
  for (const event of history) {
    if (only !== undefined && event.itemId !== only) continue;
    let entry = latest.get(event.itemId);
    if (!entry) {
      entry = { like: -Infinity, dislike: -Infinity, cart: -Infinity, purchase: -Infinity };
      latest.set(event.itemId, entry);
    }
    if (event.type === 'like') entry.like = Math.max(entry.like, event.ts);
    else if (event.type === 'dislike') entry.dislike = Math.max(entry.dislike, event.ts);
    else if (event.type === 'add_to_cart') entry.cart = Math.max(entry.cart, event.ts);
    else if (event.type === 'purchase') entry.purchase = Math.max(entry.purchase, event.ts);
  }
  return latest;
}

/** The visitor's standing with one item. A like and a dislike of the same moment read as a like. */
export function itemState(history: readonly StoredInteraction[], itemId: string): ItemState {
  const latest = latestByItem(history, itemId).get(itemId);
  if (!latest) return { verdict: null, inCart: false, purchasedAt: null };
  const verdict =
    latest.like === -Infinity && latest.dislike === -Infinity
      ? null
      : latest.like >= latest.dislike
        ? 'like'
        : 'dislike';
  return {
    verdict,
    inCart: latest.cart > latest.purchase,
    purchasedAt: latest.purchase === -Infinity ? null : latest.purchase,
  };
}

/** The local cart: items added after their last purchase, the latest addition first. */
export function cartLines(history: readonly StoredInteraction[]): CartLine[] {
  const lines: CartLine[] = [];
  for (const [itemId, latest] of latestByItem(history)) {
    if (latest.cart > latest.purchase) lines.push({ itemId, addedAt: latest.cart });
  }
  return lines.sort((a, b) => b.addedAt - a.addedAt || a.itemId.localeCompare(b.itemId));
}

/**
 * The stored events that taking back `type` on `itemId` removes: every like (or dislike) of the
 * item; for the cart, the additions since its last purchase (a bought item's earlier additions
 * are part of how it was bought).
 */
export function withdrawn(
  history: readonly StoredInteraction[],
  itemId: string,
  type: Withdrawable,
): number[] {
  const bought = latestByItem(history, itemId).get(itemId)?.purchase ?? -Infinity;
  return history
    .filter(
      (event) =>
        event.itemId === itemId &&
        event.type === type &&
        (type !== 'add_to_cart' || event.ts > bought),
    )
    .map((event) => event.id);
}
