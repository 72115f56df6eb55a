import { useEffect, useRef } from 'react';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { InteractionType } from '../../shared/interactions/types';
import { useTranslation } from 'react-i18next';
import { formatPrice } from '../../client/format';
import { errorText } from '../i18n/i18n';
import type { PrivateRecs } from '../../client/private-recs';
import { usePersistOnEngagement } from '../hooks/useStoragePersistence';
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

/** Each action's button label and confirmation, as keys of the `item` strings. */
const ACTIONS: { type: InteractionType; label: string; done: string }[] = [
  { type: 'like', label: 'item.like', done: 'item.liked' },
  { type: 'dislike', label: 'item.dislike', done: 'item.disliked' },
  { type: 'add_to_cart', label: 'item.add_to_cart', done: 'item.added_to_cart' },
  { type: 'purchase', label: 'item.purchase', done: 'item.purchased' },
];

/** A product page: opening it records a view; the buttons record likes, dislikes and purchases. */
export function ItemPage({ recs, items, itemId, paused }: Props) {
  const { t, i18n } = useTranslation();
  const item = items.get(itemId);
  const notify = useSnackbar();
  const viewed = useRef<string | null>(null);
  const persistOnEngagement = usePersistOnEngagement();
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
  const act = (type: InteractionType, done: string) => {
    recs
      .track({ type, itemId: item.id })
      .then(() => {
        notify(paused ? t('item.notRecordedPaused') : t(done));
      })
      .catch((error: unknown) => {
        notify(t('item.actionFailed', { reason: errorText(error) }), 'error');
      });
  };
  return (
    <>
      <article className="item-page" data-testid="item.page" data-item-id={item.id}>
        <p className="card-category">{item.category}</p>
        <h1>{item.title}</h1>
        {item.price !== undefined && (
          <p className="item-price">
            {formatPrice(item.price, item.currency, i18n.resolvedLanguage)}
          </p>
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
        <div className="actions">
          {ACTIONS.map(({ type, label, done }) => (
            <button
              key={type}
              type="button"
              data-testid={`item.${type.replace(/_/g, '-')}-button`}
              disabled={item.available === false && (type === 'add_to_cart' || type === 'purchase')}
              onClick={() => {
                act(type, done);
                // In the click itself: a permission prompt needs the user gesture.
                if (KEEPS.includes(type)) persistOnEngagement();
              }}
            >
              {t(label)}
            </button>
          ))}
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
