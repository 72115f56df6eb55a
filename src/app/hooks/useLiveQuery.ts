import { useEffect, useState } from 'react';
import { errorText, translate } from '../i18n/i18n';
import { useSnackbar } from '../components/Snackbar';
import type { PrivateRecs } from '../../client/private-recs';
import { coalesce } from '../../client/coalesce';

/**
 * Loads engine data and reloads it on `change` (one load at a time, one more after a burst); a
 * failure goes to the snackbar and the last good value stays on screen (null until the first).
 * `failure` is the string key of what could not be done ("Could not read your history").
 */
export function useLiveQuery<T>(
  recs: PrivateRecs,
  query: (recs: PrivateRecs) => Promise<T>,
  failure: string,
): T | null {
  const [value, setValue] = useState<T | null>(null);
  const notify = useSnackbar();
  useEffect(() => {
    let live = true;
    const load = coalesce(() =>
      query(recs).then(
        (result) => {
          if (live) setValue(result);
        },
        (error: unknown) => {
          notify(`${translate(failure)}: ${errorText(error)}`, 'error');
        },
      ),
    );
    load();
    recs.addEventListener('change', load);
    return () => {
      live = false;
      recs.removeEventListener('change', load);
    };
  }, [recs, query, failure, notify]);
  return value;
}
