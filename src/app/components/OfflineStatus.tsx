import { useTranslation } from 'react-i18next';
import { useOnline } from '../hooks/useOnline';

/** Says so while the browser has no network; everything but catalogue updates keeps working. */
export function OfflineStatus() {
  const { t } = useTranslation();
  if (useOnline()) return null;
  return (
    <p className="notice warning" data-testid="pwa.offline">
      {t('pwa.offline')}
    </p>
  );
}
