import { useState, type SyntheticEvent } from 'react';
import { href } from '../hooks/useHashRoute';
import { ShopSwitch } from './ShopSwitch';

interface Props {
  shopName: string;
  catalogueUrl: string;
  query: string;
}

/** Shop name, navigation, the shop switch and the search box. */
export function Header({ shopName, catalogueUrl, query }: Props) {
  const [text, setText] = useState(query);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    window.location.hash = text.trim() ? href.search(text.trim()) : href.home();
  };
  return (
    <header className="header">
      <a className="brand" href={href.home()}>
        {shopName}
      </a>
      <form role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label="Search the shop"
          placeholder="Search, e.g. “quiet coffee grinder”"
          data-testid="search.input"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <button type="submit">Search</button>
      </form>
      <nav>
        <a href={href.home()}>Shop</a>
        <a href={href.privacy()} data-testid="nav.privacy">
          Your data
        </a>
        <ShopSwitch catalogueUrl={catalogueUrl} />
      </nav>
    </header>
  );
}
