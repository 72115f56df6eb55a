import { useEffect, useRef } from 'react';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import { errorMessage } from '../../shared/errors';
import type { InteractionType } from '../../shared/interactions/types';
import { formatPrice } from '../../client/format';
import type { PrivateRecs } from '../../client/private-recs';
import { usePersistOnEngagement } from '../hooks/useStoragePersistence';
import { RecommendationList } from './RecommendationList';
import { useSnackbar } from './Snackbar';

interface Props {
  recs: PrivateRecs;
  items: ReadonlyMap<string, CatalogueItem>;
  itemId: string;
}

/** Engagement worth keeping: the first of these in a visit asks the browser to keep the data. */
const KEEPS: readonly InteractionType[] = ['like', 'add_to_cart', 'purchase'];

const ACTIONS: { type: InteractionType; label: string; done: string }[] = [
  { type: 'like', label: 'Like', done: 'Liked' },
  { type: 'dislike', label: 'Not for me', done: 'Noted: fewer items like this' },
  { type: 'add_to_cart', label: 'Add to cart', done: 'Added to your cart' },
  { type: 'purchase', label: 'Buy now', done: 'Bought (a demo: nothing is charged)' },
];

/** A product page: opening it records a view; the buttons record likes, dislikes and purchases. */
export function ItemPage({ recs, items, itemId }: Props) {
  const item = items.get(itemId);
  const notify = useSnackbar();
  const viewed = useRef<string | null>(null);
  const persistOnEngagement = usePersistOnEngagement();
  useEffect(() => {
    if (!item || viewed.current === item.id) return;
    viewed.current = item.id;
    recs.track({ type: 'view', itemId: item.id }).catch((error: unknown) => {
      notify(`Could not record this view: ${errorMessage(error)}`, 'error');
    });
  }, [recs, item, notify]);
  if (!item) {
    return (
      <p role="alert" className="panel error">
        There is no item “{itemId}” in this catalogue.
      </p>
    );
  }
  const act = (type: InteractionType, done: string) => {
    recs
      .track({ type, itemId: item.id })
      .then(() => {
        notify(done);
      })
      .catch((error: unknown) => {
        notify(`Could not record that: ${errorMessage(error)}`, 'error');
      });
  };
  return (
    <>
      <article className="item-page" data-testid="item.page" data-item-id={item.id}>
        <p className="card-category">{item.category}</p>
        <h1>{item.title}</h1>
        {item.price !== undefined && (
          <p className="item-price">{formatPrice(item.price, item.currency)}</p>
        )}
        {item.available === false && <p className="muted">Currently unavailable</p>}
        {item.description && <p>{item.description}</p>}
        {item.tags && item.tags.length > 0 && (
          <ul className="tags" aria-label="Tags">
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
              {label}
            </button>
          ))}
        </div>
      </article>
      <RecommendationList
        recs={recs}
        items={items}
        options={{ count: 5, contextItemId: item.id }}
        title="Similar items"
        empty="No similar items."
        testId="item.similar"
      />
    </>
  );
}
