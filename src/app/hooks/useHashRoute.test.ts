import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './useHashRoute';

describe('href', () => {
  it('links to any id, an ill-formed one included, and routes back to it', () => {
    expect(parseRoute(href.item('sku/1 ü'))).toEqual({ page: 'item', itemId: 'sku/1 ü' });
    // A lone surrogate made encodeURIComponent throw and took the whole home view down.
    expect(() => href.item('\ud800')).not.toThrow();
    expect(() => href.search('tea \udfff')).not.toThrow();
  });
});

describe('parseRoute', () => {
  it('routes every page the app links to', () => {
    expect(parseRoute(href.home())).toEqual({ page: 'home' });
    expect(parseRoute(href.privacy())).toEqual({ page: 'privacy' });
    expect(parseRoute(href.cart())).toEqual({ page: 'cart' });
    expect(parseRoute(href.search('tea'))).toEqual({ page: 'search', query: 'tea' });
  });
});
