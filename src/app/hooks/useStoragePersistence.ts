import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { errorText, translate } from '../i18n/i18n';
import { useSnackbar } from '../components/Snackbar';
import { evictionWarning, storagePersistence, type StorageState } from '../pwa/persistence';

/** Whether the browser keeps this site's data for good, and how much it uses; read on mount. */
export function useStoragePersistence(): StorageState {
  const notify = useSnackbar();
  useEffect(() => {
    storagePersistence.refresh().catch((error: unknown) => {
      notify(translate('storage.readFailed', { reason: errorText(error) }), 'error');
    });
  }, [notify]);
  return useSyncExternalStore(storagePersistence.subscribe, storagePersistence.getSnapshot);
}

/**
 * Returns the function to call in the click handler of a like, cart or purchase: it asks the
 * browser to keep the data (once per visit) and, if it will not, says what that means.
 */
export function usePersistOnEngagement(): () => void {
  const notify = useSnackbar();
  return useCallback(() => {
    storagePersistence.requestAfterEngagement().then(
      (persistence) => {
        const warning = persistence && evictionWarning(persistence);
        if (warning) notify(warning);
      },
      (error: unknown) => {
        notify(translate('storage.askFailed', { reason: errorText(error) }), 'error');
      },
    );
  }, [notify]);
}
