import { describe, expect, it } from 'vitest';
import type { InteractionType, StoredInteraction } from './types';
import { cartLines, itemState, withdrawn } from './item-state';

let next = 1;
const ev = (type: InteractionType, itemId: string, ts: number): StoredInteraction => ({
  id: next++,
  type,
  itemId,
  ts,
});

describe('itemState', () => {
  it('is empty for an item never engaged with', () => {
    expect(itemState([ev('view', 'a', 1)], 'a')).toEqual({
      verdict: null,
      inCart: false,
      purchasedAt: null,
    });
    expect(itemState([ev('like', 'b', 1)], 'a').verdict).toBeNull();
  });

  it('takes the latest of like and dislike as the verdict', () => {
    expect(itemState([ev('like', 'a', 1), ev('dislike', 'a', 2)], 'a').verdict).toBe('dislike');
    expect(itemState([ev('dislike', 'a', 1), ev('like', 'a', 2)], 'a').verdict).toBe('like');
    expect(itemState([ev('dislike', 'a', 5), ev('like', 'a', 5)], 'a').verdict).toBe('like');
  });

  it('is in the cart when added after the last purchase, and remembers the purchase', () => {
    const bought = [ev('add_to_cart', 'a', 1), ev('purchase', 'a', 2)];
    expect(itemState(bought, 'a')).toEqual({ verdict: null, inCart: false, purchasedAt: 2 });
    expect(itemState([...bought, ev('add_to_cart', 'a', 3)], 'a').inCart).toBe(true);
  });
});

describe('cartLines', () => {
  it('lists items added and not bought since, the latest addition first', () => {
    const history = [
      ev('add_to_cart', 'a', 1),
      ev('add_to_cart', 'b', 2),
      ev('purchase', 'b', 3),
      ev('add_to_cart', 'c', 4),
      ev('add_to_cart', 'a', 5),
      ev('like', 'd', 6),
    ];
    expect(cartLines(history)).toEqual([
      { itemId: 'a', addedAt: 5 },
      { itemId: 'c', addedAt: 4 },
    ]);
  });
});

describe('withdrawn', () => {
  it('takes back every like of the item and nothing else', () => {
    const history = [
      ev('like', 'a', 1),
      ev('like', 'b', 2),
      ev('like', 'a', 3),
      ev('view', 'a', 4),
    ];
    expect(withdrawn(history, 'a', 'like')).toEqual([history[0]?.id, history[2]?.id]);
    expect(withdrawn(history, 'a', 'dislike')).toEqual([]);
  });

  it('takes out of the cart only what was added since the last purchase', () => {
    const history = [ev('add_to_cart', 'a', 1), ev('purchase', 'a', 2), ev('add_to_cart', 'a', 3)];
    expect(withdrawn(history, 'a', 'add_to_cart')).toEqual([history[2]?.id]);
    expect(cartLines(history.filter((e) => e.id !== history[2]?.id))).toEqual([]);
  });
});
