import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { CartLine } from '../../shared/interactions/item-state';
import type { PrivateRecs } from '../../client/private-recs';
import { formatPrice } from '../../client/format';
import { newEventId } from '../../client/coalesce';
import { errorText } from '../i18n/i18n';
import { href } from '../hooks/useHashRoute';
import { useSnackbar } from './Snackbar';

interface Props {
  recs: PrivateRecs;
  items: ReadonlyMap<string, CatalogueItem>;
  /** The cart as the engine keeps it (items added since their last purchase); null while loading. */
  lines: readonly CartLine[] | null;
  paused: boolean;
}

/**
 * The local cart: what the visitor added and has not bought since, kept only in this browser (it
 * is read from the history, so export, import and erasing cover it). Removing an item takes back
 * its cart addition; buying records a purchase of each item (a demo: nothing is charged).
 */
export function CartPage({ recs, items, lines, paused }: Props) {
  const { t, i18n } = useTranslation();
  const notify = useSnackbar();
  const [busy, setBusy] = useState(false);
  const locale = i18n.resolvedLanguage;
  const run = (work: () => Promise<void>) => {
    setBusy(true);
    work()
      .catch((error: unknown) => {
        notify(t('item.actionFailed', { reason: errorText(error) }), 'error');
      })
      .finally(() => {
        setBusy(false);
      });
  };
  if (lines === null) return <p className="muted">{t('cart.loading')}</p>;
  const shown = lines.flatMap((line) => {
    const item = items.get(line.itemId);
    return item ? [{ line, item }] : [];
  });
  const currencies = new Set(shown.map(({ item }) => item.currency ?? 'EUR'));
  const total =
    currencies.size === 1 && shown.every(({ item }) => item.price !== undefined)
      ? shown.reduce((sum, { item }) => sum + (item.price ?? 0), 0)
      : null;
  return (
    <section className="panel" data-testid="cart.page">
      <h1>{t('cart.title')}</h1>
      <p className="muted">{t('cart.intro')}</p>
      {shown.length === 0 ? (
        <p data-testid="cart.empty">{t('cart.empty')}</p>
      ) : (
        <>
          <ul className="cart-lines" data-testid="cart.lines">
            {shown.map(({ item }) => (
              <li key={item.id} data-item-id={item.id}>
                <a href={href.item(item.id)}>{item.title}</a>
                {item.price !== undefined && (
                  <span>{formatPrice(item.price, item.currency, locale)}</span>
                )}
                <button
                  type="button"
                  className="link"
                  disabled={busy}
                  data-testid="cart.remove"
                  onClick={() => {
                    run(async () => {
                      await recs.internals.withdraw(item.id, 'add_to_cart');
                      notify(t('item.removedFromCart'));
                    });
                  }}
                >
                  {t('cart.remove')}
                </button>
              </li>
            ))}
          </ul>
          {total !== null && (
            <p className="cart-total" data-testid="cart.total">
              {t('cart.total', {
                total: formatPrice(total, [...currencies][0], locale),
              })}
            </p>
          )}
          <button
            type="button"
            disabled={busy || shown.some(({ item }) => item.available === false)}
            data-testid="cart.buy"
            onClick={() => {
              run(async () => {
                for (const { item } of shown) {
                  await recs.track({ type: 'purchase', itemId: item.id, eid: newEventId() });
                }
                notify(paused ? t('item.notRecordedPaused') : t('cart.bought'));
              });
            }}
          >
            {t('cart.buy', { count: shown.length })}
          </button>
        </>
      )}
    </section>
  );
}
