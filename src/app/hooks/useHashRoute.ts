import { useSyncExternalStore } from 'react';
import { toWellFormed } from '../../shared/ids';

export type Route =
  | { page: 'home' }
  | { page: 'item'; itemId: string }
  | { page: 'search'; query: string }
  | { page: 'privacy' }
  | { page: 'cart' };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

/** Parses a location hash (`#/item/sku-1`, `#/search?q=tea`, `#/privacy`, `#/cart`) into a route. */
export function parseRoute(hash: string): Route {
  const [path = '', queryString = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodePart);
  if (parts[0] === 'item' && parts[1]) return { page: 'item', itemId: parts[1] };
  if (parts[0] === 'search') {
    return { page: 'search', query: new URLSearchParams(queryString).get('q') ?? '' };
  }
  if (parts[0] === 'privacy') return { page: 'privacy' };
  if (parts[0] === 'cart') return { page: 'cart' };
  return { page: 'home' };
}

/** A malformed escape (`#/item/100%`) is taken literally rather than crashing the page. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Hash routing keeps every view addressable on a static host and offline. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/**
 * Links to views. Text is made well-formed first: `encodeURIComponent` throws on a lone surrogate
 * ("URI malformed"), and one such id or query must not take the page down.
 */
export const href = {
  home: () => '#/',
  item: (itemId: string) => `#/item/${encodeURIComponent(toWellFormed(itemId))}`,
  search: (query: string) => `#/search?q=${encodeURIComponent(toWellFormed(query))}`,
  privacy: () => '#/privacy',
  cart: () => '#/cart',
};
