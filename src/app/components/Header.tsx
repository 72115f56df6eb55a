import { useState, type SyntheticEvent } from 'react';
import { href } from '../hooks/useHashRoute';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { ShopSwitch } from './ShopSwitch';

interface Props {
  shopName: string;
  catalogueUrl: string;
  query: string;
  /** Items in the local cart. */
  cartCount: number;
  /** The visitor submitted a search. */
  onSearch: (query: string) => void;
}

/** Shop name, navigation, the shop switch and the search box. */
export function Header({ shopName, catalogueUrl, query, cartCount, onSearch }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(query);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const query = text.trim();
    // A typed search stays on this device as a weak signal (shown and deletable on Your data).
    if (query) onSearch(query);
    window.location.hash = query ? href.search(query) : href.home();
  };
  return (
    <header className="header">
      <a className="brand" href={href.home()}>
        {shopName}
      </a>
      <form role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label={t('header.searchLabel')}
          placeholder={t('header.searchPlaceholder')}
          data-testid="search.input"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <button type="submit">{t('header.search')}</button>
      </form>
      <nav>
        <a href={href.home()}>{t('header.shop')}</a>
        <a href={href.cart()} data-testid="nav.cart">
          {t('header.cart', { count: cartCount })}
        </a>
        <a href={href.privacy()} data-testid="nav.privacy">
          {t('header.yourData')}
        </a>
        <ShopSwitch catalogueUrl={catalogueUrl} />
        <LanguageSwitch />
      </nav>
    </header>
  );
}
