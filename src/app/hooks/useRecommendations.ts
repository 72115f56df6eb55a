import { useEffect, useState } from 'react';
import type { Recommendation, RecommendOptions } from '../../shared/engine-api';
import { errorText } from '../i18n/i18n';
import type { PrivateRecs } from '../../client/private-recs';

export type RecsState =
  | { phase: 'loading' }
  | { phase: 'ready'; recs: Recommendation[] }
  | { phase: 'failed'; message: string };

/** Recommendations for the given options, recomputed after every change to the history. */
export function useRecommendations(recs: PrivateRecs, options: RecommendOptions): RecsState {
  const [state, setState] = useState<RecsState>({ phase: 'loading' });
  const { count, query, contextItemId } = options;
  useEffect(() => {
    let live = true;
    let request = 0;
    const load = () => {
      const mine = ++request;
      recs
        .recommend({ count, query, contextItemId })
        .then((list) => {
          if (live && mine === request) setState({ phase: 'ready', recs: list });
        })
        .catch((error: unknown) => {
          if (live && mine === request) setState({ phase: 'failed', message: errorText(error) });
        });
    };
    load();
    recs.addEventListener('change', load);
    return () => {
      live = false;
      recs.removeEventListener('change', load);
    };
  }, [recs, count, query, contextItemId]);
  return state;
}
