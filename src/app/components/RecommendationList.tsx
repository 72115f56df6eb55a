import { useEffect } from 'react';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { RecommendOptions } from '../../shared/engine-api';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/i18n';
import { useReasonText } from '../i18n/useReasonText';
import { useRecommendations } from '../hooks/useRecommendations';
import type { PrivateRecs } from '../../client/private-recs';
import { ItemCard } from './ItemCard';
import { useSnackbar } from './Snackbar';

interface Props {
  recs: PrivateRecs;
  items: ReadonlyMap<string, CatalogueItem>;
  options: RecommendOptions;
  title: string;
  empty: string;
  testId: string;
  /** Record what this list showed (impressions: the items seen but not opened count a little against). */
  recordImpressions?: boolean;
}

/** A titled grid of recommendations with their reasons; opening one records a click. */
export function RecommendationList(props: Props) {
  const { recs, items, options, title, empty, testId, recordImpressions = false } = props;
  const { t } = useTranslation();
  const reasonText = useReasonText(items);
  const state = useRecommendations(recs, options);
  const notify = useSnackbar();
  const shown = state.phase === 'ready' ? state.recs.map((r) => r.itemId).join(' ') : '';
  useEffect(() => {
    if (!recordImpressions || shown === '') return;
    recs.internals.recordImpressions(shown.split(' ')).catch((error: unknown) => {
      notify(t('recs.impressionsFailed', { reason: errorText(error) }), 'error');
    });
  }, [recs, recordImpressions, shown, notify, t]);
  const onOpen = (itemId: string) => {
    recs.track({ type: 'click', itemId }).catch((error: unknown) => {
      notify(t('recs.clickFailed', { reason: errorText(error) }), 'error');
    });
  };
  return (
    <section className="recs" aria-busy={state.phase === 'loading'}>
      <h2>{title}</h2>
      {state.phase === 'failed' && (
        <p role="alert" className="panel error">
          {t('recs.unavailable', { reason: state.message })}
        </p>
      )}
      {state.phase === 'ready' && state.recs.length === 0 && <p className="muted">{empty}</p>}
      {state.phase === 'ready' && state.recs.length > 0 && (
        <ol className="grid" data-testid={testId} data-state="ready" data-query={state.query}>
          {state.recs.map((rec) => {
            const item = items.get(rec.itemId);
            return item ? (
              <ItemCard key={rec.itemId} item={item} reason={reasonText(rec)} onOpen={onOpen} />
            ) : null;
          })}
        </ol>
      )}
    </section>
  );
}
