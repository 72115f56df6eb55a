import { errorMessage } from '../../shared/errors';
import { usePwa } from '../hooks/usePwa';
import type { Pwa } from '../pwa/pwa-state';
import { OfflineStatus } from './OfflineStatus';
import { useSnackbar } from './Snackbar';

/**
 * Offline and update notices, above the shop in every phase (also while it loads or if it
 * failed). The region is always present, so screen readers announce what appears in it.
 */
export function PwaNotices({ pwa }: { pwa: Pwa }) {
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
      OK
    </button>
  );
  return (
    <div className="notices pwa-notices" role="status" data-testid="pwa.notices">
      <OfflineStatus />
      {state.updateAvailable && (
        <p className="notice" data-testid="pwa.update">
          A new version of the shop is ready.{' '}
          <button
            type="button"
            data-testid="pwa.update-button"
            disabled={state.updating}
            onClick={() => {
              pwa.update().catch((error: unknown) => {
                notify(`Updating failed: ${errorMessage(error)}`, 'error');
              });
            }}
          >
            Reload
          </button>
        </p>
      )}
      {!state.dismissed && state.offline === 'ready' && (
        <p className="notice" data-testid="pwa.offline-ready">
          Ready to work offline: this shop now opens, recommends and learns without a network.{' '}
          {dismiss}
        </p>
      )}
      {!state.dismissed && state.offline === 'incomplete' && (
        <p className="notice warning" data-testid="pwa.offline-incomplete">
          Not everything could be saved for offline use ({state.problem}). It is saved on your next
          visit with a network. {dismiss}
        </p>
      )}
      {!state.dismissed && state.offline === 'unavailable' && (
        <p className="notice" data-testid="pwa.unavailable">
          Offline use is not available in this browser window ({state.problem}): the shop needs the
          network to open. {dismiss}
        </p>
      )}
    </div>
  );
}
