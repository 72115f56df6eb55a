import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivateRecs } from '../../client/private-recs';
import { errorText } from '../i18n/i18n';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useSnackbar } from './Snackbar';

/** The feed's private A/B test of two ranking strategies: the tally, what is in use, a reset. */
export function ExperimentPanel({ recs }: { recs: PrivateRecs }) {
  const { t } = useTranslation();
  const notify = useSnackbar();
  const load = useCallback((r: PrivateRecs) => r.internals.experiment(), []);
  const view = useLiveQuery(recs, load, 'experiment.readFailed');
  if (!view) return null;
  const { credits, inUse, settled } = view;
  const started = credits.learned + credits.profile > 0;
  const reset = () => {
    recs.internals.resetExperiment().then(
      () => {
        notify(t('experiment.resetDone'));
      },
      (error: unknown) => {
        notify(t('experiment.resetFailed', { reason: errorText(error) }), 'error');
      },
    );
  };
  const usage = {
    both: 'experiment.both',
    learned: 'experiment.inUseLearned',
    profile: settled ? 'experiment.inUseProfile' : 'experiment.notYet',
  }[inUse];
  return (
    <section data-testid="experiment.panel" data-in-use={inUse}>
      <h2>{t('experiment.title')}</h2>
      <p>{t('experiment.intro')}</p>
      <ul>
        <li data-testid="experiment.learned">
          {t('experiment.learned', { count: credits.learned })}
        </li>
        <li data-testid="experiment.profile">
          {t('experiment.profile', { count: credits.profile })}
        </li>
      </ul>
      <p className="muted" data-testid="experiment.in-use">
        {t(usage)}
      </p>
      {started && (
        <button type="button" data-testid="experiment.reset" onClick={reset}>
          {t('experiment.reset')}
        </button>
      )}
    </section>
  );
}
