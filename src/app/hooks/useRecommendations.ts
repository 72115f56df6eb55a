import { useEffect, useState } from 'react';
import type { Recommendation, RecommendOptions } from '../../shared/engine-api';
import { errorText } from '../i18n/i18n';
import type { PrivateRecs } from '../../client/private-recs';
import { coalesce } from '../../client/coalesce';

export type RecsState =
  | { phase: 'loading' }
  /** `query`: the search these are the results of (the grid says so, for tests and tools). */
  | { phase: 'ready'; recs: Recommendation[]; query?: string }
  | { phase: 'failed'; message: string };

/**
 * Recommendations for the given options, recomputed once per change the engine pushes (a burst
 * of changes while one is computed costs one more computation, not one each).
 */
export function useRecommendations(recs: PrivateRecs, options: RecommendOptions): RecsState {
  const [state, setState] = useState<RecsState>({ phase: 'loading' });
  const { count, query, contextItemId } = options;
  useEffect(() => {
    let live = true;
    const load = coalesce(() =>
      recs.recommend({ count, query, contextItemId }).then(
        (list) => {
          if (live) setState({ phase: 'ready', recs: list, query });
        },
        (error: unknown) => {
          if (live) setState({ phase: 'failed', message: errorText(error) });
        },
      ),
    );
    load();
    recs.addEventListener('change', load);
    return () => {
      live = false;
      recs.removeEventListener('change', load);
    };
  }, [recs, count, query, contextItemId]);
  return state;
}
