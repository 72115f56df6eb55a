import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { errorText, translate } from '../i18n/i18n';
import { useSnackbar } from '../components/Snackbar';
import { evictionWarning, storagePersistence, type StorageState } from '../pwa/persistence';
import { dismiss, isDismissed } from '../dismissed';

/** The eviction warning is said once, ever; the privacy page keeps saying it. */
const WARNED = 'storage-warning';

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
 * browser to keep the data (once per visit) and, if it will not, says what that means — once:
 * not again on a later visit (the privacy page shows the state all along).
 */
export function usePersistOnEngagement(): () => void {
  const notify = useSnackbar();
  return useCallback(() => {
    storagePersistence.requestAfterEngagement().then(
      (persistence) => {
        const warning = persistence && evictionWarning(persistence);
        if (!warning || isDismissed(WARNED)) return;
        notify(warning);
        dismiss(WARNED);
      },
      (error: unknown) => {
        notify(translate('storage.askFailed', { reason: errorText(error) }), 'error');
      },
    );
  }, [notify]);
}
