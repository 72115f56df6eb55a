import type { CatalogueItem } from '../../shared/catalogue/schema';
import { href } from '../hooks/useHashRoute';
import { useTranslation } from 'react-i18next';
import { formatPrice } from '../../client/format';
import { useItemImage } from '../images';

interface Props {
  item: CatalogueItem;
  reason?: string;
  onOpen?: (itemId: string) => void;
  testId?: string;
}

/** One product tile; catalogue text is rendered as text, never as markup. */
export function ItemCard({ item, reason, onOpen, testId = 'recs.card' }: Props) {
  const { i18n } = useTranslation();
  const image = useItemImage(item.image);
  return (
    <li
      className="card"
      data-testid={testId}
      data-item-id={item.id}
      data-category={item.category ?? ''}
    >
      <a
        href={href.item(item.id)}
        onClick={() => {
          onOpen?.(item.id);
        }}
      >
        {image && <img className="card-image" src={image} alt="" loading="lazy" decoding="async" />}
        <span className="card-category">{item.category}</span>
        <span className="card-title">{item.title}</span>
        {item.price !== undefined && (
          <span className="card-price">
            {formatPrice(item.price, item.currency, i18n.resolvedLanguage)}
          </span>
        )}
      </a>
      {reason && (
        <p className="card-reason" data-testid="recs.reason">
          {reason}
        </p>
      )}
    </li>
  );
}
