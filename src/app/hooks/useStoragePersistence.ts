import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { errorMessage } from '../../shared/errors';
import { useSnackbar } from '../components/Snackbar';
import { evictionWarning, storagePersistence, type StorageState } from '../pwa/persistence';

/** Whether the browser keeps this site's data for good, and how much it uses; read on mount. */
export function useStoragePersistence(): StorageState {
  const notify = useSnackbar();
  useEffect(() => {
    storagePersistence.refresh().catch((error: unknown) => {
      notify(`Could not read the storage state: ${errorMessage(error)}`, 'error');
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
        notify(`Could not ask the browser to keep your data: ${errorMessage(error)}`, 'error');
      },
    );
  }, [notify]);
}
