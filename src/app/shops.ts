/** The demo catalogues the app ships, offered by the shop switch in the header. */
export const DEMO_SHOPS = [
  { catalogue: 'catalogue.json', name: 'Harbour & Field', lang: 'en' },
  { catalogue: 'catalogue-zh.json', name: '拾光小铺', lang: 'zh-Hans' },
] as const;

/** The address of this page showing another catalogue: other parameters are kept, the route is not. */
export function shopHref(pageUrl: string, catalogue: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set('catalogue', catalogue);
  url.hash = '';
  return url.href;
}

/** Which demo shop a catalogue URL is, if any. */
export function demoShopOf(catalogueUrl: string, pageUrl: string): string | null {
  const match = DEMO_SHOPS.find((shop) => new URL(shop.catalogue, pageUrl).href === catalogueUrl);
  return match?.catalogue ?? null;
}
