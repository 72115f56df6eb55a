import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/i18n';
import { usePwa } from '../hooks/usePwa';
import type { Pwa } from '../pwa/pwa-state';
import { OfflineStatus } from './OfflineStatus';
import { useSnackbar } from './Snackbar';

/**
 * Offline and update notices, above the shop in every phase (also while it loads or if it
 * failed). The region is always present, so screen readers announce what appears in it.
 */
export function PwaNotices({ pwa }: { pwa: Pwa }) {
  const { t } = useTranslation();
  const state = usePwa(pwa);
  const notify = useSnackbar();
  const dismiss = (
    <button
      type="button"
      data-testid="pwa.dismiss"
      onClick={() => {
        pwa.dismiss();
      }}
    >
      {t('pwa.ok')}
    </button>
  );
  return (
    <div className="notices pwa-notices" role="status" data-testid="pwa.notices">
      <OfflineStatus />
      {state.updateAvailable && (
        <p className="notice" data-testid="pwa.update">
          {t('pwa.update')}{' '}
          <button
            type="button"
            data-testid="pwa.update-button"
            disabled={state.updating}
            onClick={() => {
              pwa.update().catch((error: unknown) => {
                notify(t('pwa.updateFailed', { reason: errorText(error) }), 'error');
              });
            }}
          >
            {t('pwa.reload')}
          </button>
        </p>
      )}
      {!state.dismissed && state.offline === 'ready' && (
        <p className="notice" data-testid="pwa.offline-ready">
          {t('pwa.offlineReady')} {dismiss}
        </p>
      )}
      {!state.dismissed && state.offline === 'incomplete' && (
        <p className="notice warning" data-testid="pwa.offline-incomplete">
          {t('pwa.offlineIncomplete')} {dismiss}
        </p>
      )}
      {!state.dismissed && state.offline === 'unavailable' && (
        <p className="notice" data-testid="pwa.unavailable">
          {state.problem === 'not-registered' ? t('pwa.notRegistered') : t('pwa.unavailable')}{' '}
          {dismiss}
        </p>
      )}
    </div>
  );
}
