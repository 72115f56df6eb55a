import { useEffect, useState } from 'react';
import { errorText, translate } from '../i18n/i18n';
import { useSnackbar } from '../components/Snackbar';
import type { PrivateRecs } from '../../client/private-recs';

/**
 * Loads engine data and reloads it on every `change`; a failure goes to the snackbar and the
 * last good value stays on screen (null until the first load). `failure` is the string key
 * of what could not be done ("Could not read your history").
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
    let latest = 0;
    const load = () => {
      // Only the newest load may set the value: an older, slower one must not overwrite it.
      const mine = ++latest;
      query(recs).then(
        (result) => {
          if (live && mine === latest) setValue(result);
        },
        (error: unknown) => {
          notify(`${translate(failure)}: ${errorText(error)}`, 'error');
        },
      );
    };
    load();
    recs.addEventListener('change', load);
    return () => {
      live = false;
      recs.removeEventListener('change', load);
    };
  }, [recs, query, failure, notify]);
  return value;
}
