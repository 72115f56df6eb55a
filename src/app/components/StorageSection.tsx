import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/i18n';
import { formatBytes } from '../../client/format';
import { useStoragePersistence } from '../hooks/useStoragePersistence';
import { storagePersistence } from '../pwa/persistence';
import { useSnackbar } from './Snackbar';

/** Whether the browser may evict the visitor's data, how much is stored, and asking to keep it. */
export function StorageSection() {
  const { t, i18n } = useTranslation();
  const { persistence, usage, quota } = useStoragePersistence();
  const notify = useSnackbar();
  const ask = () => {
    storagePersistence.request().catch((error: unknown) => {
      notify(t('storage.askFailed', { reason: errorText(error) }), 'error');
    });
  };
  return (
    <section data-testid="privacy.storage" data-state={persistence}>
      <h2>{t('storage.title')}</h2>
      <p>{t(`storage.${persistence}`)}</p>
      {usage !== null && quota !== null && (
        <p className="muted" data-testid="privacy.storage-usage">
          {t('storage.usage', {
            usage: formatBytes(usage, i18n.resolvedLanguage),
            quota: formatBytes(quota, i18n.resolvedLanguage),
          })}
        </p>
      )}
      {(persistence === 'best-effort' || persistence === 'denied') && (
        <button type="button" data-testid="privacy.storage-persist" onClick={ask}>
          {t('storage.ask')}
        </button>
      )}
    </section>
  );
}
