import { useTranslation } from 'react-i18next';
import { DEMO_SHOPS, demoShopOf, shopHref } from '../shops';

/** Switches between the demo shops (a full load: each shop has its own catalogue and vectors). */
export function ShopSwitch({ catalogueUrl }: { catalogueUrl: string }) {
  const { t } = useTranslation();
  const current = demoShopOf(catalogueUrl, window.location.href) ?? '';
  return (
    <select
      className="shop-switch"
      aria-label={t('header.shopSwitch')}
      data-testid="shop.switch"
      value={current}
      onChange={(event) => {
        window.location.assign(shopHref(window.location.href, event.target.value));
      }}
    >
      {current === '' && <option value="">{t('header.otherShop')}</option>}
      {DEMO_SHOPS.map((shop) => (
        <option key={shop.catalogue} value={shop.catalogue} lang={shop.lang}>
          {shop.name}
        </option>
      ))}
    </select>
  );
}
