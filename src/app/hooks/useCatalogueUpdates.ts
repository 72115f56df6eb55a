import { useEffect } from 'react';
import { errorMessage } from '../../shared/errors';
import { useSnackbar } from '../components/Snackbar';
import type { PrivateRecs } from '../../client/private-recs';

/**
 * Checks for a new catalogue version whenever the browser comes back online (start-up already
 * loads the newest one). A refused update keeps the current catalogue and says why.
 */
export function useCatalogueUpdates(recs: PrivateRecs): void {
  const notify = useSnackbar();
  useEffect(() => {
    const check = () => {
      recs.refreshCatalogue().then(
        (answer) => {
          if (!answer.ok) notify(`The catalogue was not updated: ${answer.message}`, 'error');
          else if (answer.changed) notify(`The catalogue was updated (${answer.items} items).`);
        },
        (error: unknown) => {
          notify(`Could not check for a new catalogue: ${errorMessage(error)}`, 'error');
        },
      );
    };
    window.addEventListener('online', check);
    return () => {
      window.removeEventListener('online', check);
    };
  }, [recs, notify]);
}
