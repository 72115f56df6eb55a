import { useEffect } from 'react';
import { errorText, failureText, translate } from '../i18n/i18n';
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
          if (!answer.ok)
            notify(
              translate('app.catalogueNotUpdated', {
                reason: failureText(answer.code, answer.message),
              }),
              'error',
            );
          else if (answer.changed)
            notify(translate('app.catalogueUpdated', { count: answer.items }));
        },
        (error: unknown) => {
          notify(translate('app.catalogueCheckFailed', { reason: errorText(error) }), 'error');
        },
      );
    };
    window.addEventListener('online', check);
    return () => {
      window.removeEventListener('online', check);
    };
  }, [recs, notify]);
}
