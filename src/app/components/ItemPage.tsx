import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { InteractionType } from '../../shared/interactions/types';
import type { ItemState, Withdrawable } from '../../shared/interactions/item-state';
import { useTranslation } from 'react-i18next';
import { formatPrice, formatTime } from '../../client/format';
import { newEventId } from '../../client/coalesce';
import { errorText } from '../i18n/i18n';
import type { PrivateRecs } from '../../client/private-recs';
import { usePersistOnEngagement } from '../hooks/useStoragePersistence';
import { href } from '../hooks/useHashRoute';
import { useItemImage } from '../images';
import { RecommendationList } from './RecommendationList';
import { useSnackbar } from './Snackbar';

interface Props {
  recs: PrivateRecs;
  items: ReadonlyMap<string, CatalogueItem>;
  itemId: string;
  /** Learning is paused: nothing is recorded, and the buttons must not say otherwise. */
  paused: boolean;
}

/** Engagement worth keeping: the first of these in a visit asks the browser to keep the data. */
const KEEPS: readonly InteractionType[] = ['like', 'add_to_cart', 'purchase'];

type Action = 'like' | 'dislike' | 'add_to_cart' | 'purchase';

/** Each action's button, what recording it says, and what taking it back says (toggles). */
const ACTIONS: { type: Action; label: string; done: string; undone?: string; on?: string }[] = [
  { type: 'like', label: 'item.like', done: 'item.liked', undone: 'item.unliked' },
  { type: 'dislike', label: 'item.dislike', done: 'item.disliked', undone: 'item.undisliked' },
  {
    type: 'add_to_cart',
    label: 'item.add_to_cart',
    done: 'item.added_to_cart',
    undone: 'item.removedFromCart',
    on: 'item.removeFromCart',
  },
  { type: 'purchase', label: 'item.purchase', done: 'item.purchased' },
];

/** Whether an action is already in effect, so that pressing it again takes it back. */
function isOn(state: ItemState | null, type: Action): boolean {
  if (!state) return false;
  if (type === 'add_to_cart') return state.inCart;
  return state.verdict === type;
}

/**
 * The visitor's standing with an item, loaded from the engine and reloaded on every change (this
 * tab's or another's); `refresh` reads it at once, so a second press never acts on a stale one.
 */
function useItemState(recs: PrivateRecs, itemId: string) {
  // Kept with its item: another item's standing is never shown (nor acted on) while loading.
  const [read, setRead] = useState<{ itemId: string; state: ItemState } | null>(null);
  const refresh = useCallback(async () => {
    const state = await recs.internals.itemState(itemId);
    setRead({ itemId, state });
  }, [recs, itemId]);
  useEffect(() => {
    const load = () => {
      refresh().catch(() => undefined); // The page shows the last state read; actions report.
    };
    load();
    recs.addEventListener('change', load);
    return () => {
      recs.removeEventListener('change', load);
    };
  }, [recs, refresh]);
  return { state: read?.itemId === itemId ? read.state : null, refresh };
}

/**
 * A product page: opening it records a view; the buttons record likes, dislikes, cart additions
 * and purchases and show where the visitor stands. Like, Not for me and Add to cart are toggles
 * (pressing again takes it back); every recorded action can be undone from its message.
 */
export function ItemPage({ recs, items, itemId, paused }: Props) {
  const { t, i18n } = useTranslation();
  const item = items.get(itemId);
  const notify = useSnackbar();
  const viewed = useRef<string | null>(null);
  const persistOnEngagement = usePersistOnEngagement();
  const { state, refresh } = useItemState(recs, itemId);
  const image = useItemImage(item?.image);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!item || viewed.current === item.id) return;
    viewed.current = item.id;
    recs.track({ type: 'view', itemId: item.id }).catch((error: unknown) => {
      notify(t('item.viewFailed', { reason: errorText(error) }), 'error');
    });
  }, [recs, item, notify, t]);
  if (!item) {
    return (
      <p role="alert" className="panel error">
        {t('item.missing', { id: itemId })}
      </p>
    );
  }
  const undo = (eid: string) => {
    recs.internals
      .undo(eid)
      .then((removed) => {
        notify(t(removed ? 'item.undone' : 'item.nothingToUndo'));
      })
      .catch((error: unknown) => {
        notify(t('item.actionFailed', { reason: errorText(error) }), 'error');
      });
  };
  /** Records the action, or takes it back when it is on; one at a time. */
  const act = async (action: (typeof ACTIONS)[number]) => {
    const { type, done, undone } = action;
    if (undone && isOn(state, type)) {
      await recs.internals.withdraw(item.id, type as Withdrawable);
      notify(t(undone));
      return;
    }
    // A like replaces a "not for me" and the other way round: one verdict at a time.
    if (type === 'like' && state?.verdict === 'dislike') {
      await recs.internals.withdraw(item.id, 'dislike');
    }
    if (type === 'dislike' && state?.verdict === 'like') {
      await recs.internals.withdraw(item.id, 'like');
    }
    const eid = newEventId();
    await recs.track({ type, itemId: item.id, eid });
    if (paused) notify(t('item.notRecordedPaused'));
    else {
      notify(t(done), 'info', {
        label: t('item.undo'),
        run: () => {
          undo(eid);
        },
      });
    }
  };
  const press = (action: (typeof ACTIONS)[number]) => {
    setBusy(true);
    act(action)
      .then(refresh)
      .catch((error: unknown) => {
        notify(t('item.actionFailed', { reason: errorText(error) }), 'error');
      })
      .finally(() => {
        setBusy(false);
      });
  };
  const locale = i18n.resolvedLanguage;
  return (
    <>
      <article className="item-page" data-testid="item.page" data-item-id={item.id}>
        {image && <img className="item-image" src={image} alt="" decoding="async" />}
        <p className="card-category">{item.category}</p>
        <h1>{item.title}</h1>
        {item.price !== undefined && (
          <p className="item-price">{formatPrice(item.price, item.currency, locale)}</p>
        )}
        {item.available === false && <p className="muted">{t('item.unavailable')}</p>}
        {item.description && <p>{item.description}</p>}
        {item.tags && item.tags.length > 0 && (
          <ul className="tags" aria-label={t('item.tags')}>
            {item.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        )}
        <ul className="item-standing" aria-label={t('item.standing')} data-testid="item.standing">
          {state?.verdict === 'like' && <li data-standing="like">{t('item.youLike')}</li>}
          {state?.verdict === 'dislike' && <li data-standing="dislike">{t('item.notForYou')}</li>}
          {state?.inCart && (
            <li data-standing="cart">
              <a href={href.cart()}>{t('item.inCart')}</a>
            </li>
          )}
          {state?.purchasedAt != null && (
            <li data-standing="purchase">
              {t('item.boughtOn', { date: formatTime(state.purchasedAt, locale) })}
            </li>
          )}
        </ul>
        <div className="actions">
          {ACTIONS.map((action) => {
            const { type, label, undone, on } = action;
            const active = isOn(state, type);
            return (
              <button
                key={type}
                type="button"
                data-testid={`item.${type.replace(/_/g, '-')}-button`}
                aria-pressed={undone && !on ? active : undefined}
                disabled={
                  busy ||
                  state === null ||
                  (item.available === false &&
                    !active &&
                    (type === 'add_to_cart' || type === 'purchase'))
                }
                onClick={() => {
                  press(action);
                  // In the click itself: a permission prompt needs the user gesture.
                  if (KEEPS.includes(type) && !active) persistOnEngagement();
                }}
              >
                {t(active && on ? on : label)}
              </button>
            );
          })}
        </div>
      </article>
      <RecommendationList
        recs={recs}
        items={items}
        options={{ count: 5, contextItemId: item.id }}
        title={t('recs.similar')}
        empty={t('recs.noSimilar')}
        testId="item.similar"
      />
    </>
  );
}
