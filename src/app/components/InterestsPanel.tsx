import type { EngineStatus } from '../../shared/engine-api';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/i18n';
import { useLiveQuery } from '../hooks/useLiveQuery';
import type { PrivateRecs } from '../../client/private-recs';
import { useSnackbar } from './Snackbar';

/** What the app believes the visitor likes, as a chart they can edit, and a pause switch. */
export function InterestsPanel({ recs, status }: { recs: PrivateRecs; status: EngineStatus }) {
  const { t } = useTranslation();
  const interests = useLiveQuery(recs, loadProfile, 'interests.failed');
  const notify = useSnackbar();
  /** `failed` and `done` are string keys. */
  const run = (failed: string, action: () => Promise<void>, done: string) => {
    action().then(
      () => {
        notify(done);
      },
      (error: unknown) => {
        notify(t(failed, { reason: errorText(error) }), 'error');
      },
    );
  };
  const paused = status.learning.state === 'paused';
  return (
    <section className="interests" data-testid="privacy.interests">
      <h2>{t('interests.title')}</h2>
      <p className="muted">{t('interests.intro')}</p>
      {interests?.length === 0 && <p className="muted">{t('interests.none')}</p>}
      <ul className="interest-list">
        {interests?.map((interest) => (
          <li
            key={interest.id}
            data-testid="privacy.interest"
            data-label={interest.label}
            data-percent={interest.percent}
          >
            <span className="interest-label">{interest.label}</span>
            <span className="interest-bar" aria-hidden="true">
              <span style={{ width: `${interest.percent}%` }} />
            </span>
            <span className="muted">
              {t('interests.share', {
                share: interest.percent / 100,
                count: interest.itemIds.length,
              })}
            </span>
            <button
              type="button"
              className="link"
              data-testid="privacy.interest-remove"
              aria-label={t('interests.removeLabel', { label: interest.label })}
              onClick={() => {
                run(
                  'interests.removeFailed',
                  () => recs.internals.removeInterest(interest.id),
                  t('interests.removed', { label: interest.label }),
                );
              }}
            >
              {t('interests.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        {status.excludedItems > 0 && (
          <button
            type="button"
            data-testid="privacy.interests-restore"
            onClick={() => {
              run(
                'interests.restoreFailed',
                () => recs.internals.restoreInterests(),
                t('interests.restored'),
              );
            }}
          >
            {t('interests.restore', { count: status.excludedItems })}
          </button>
        )}
        <button
          type="button"
          aria-pressed={paused}
          data-testid="privacy.pause-button"
          onClick={() => {
            run(
              paused ? 'interests.resumeFailed' : 'interests.pauseFailed',
              () => recs.internals.setLearningPaused(!paused),
              paused ? t('interests.resumed') : t('interests.paused'),
            );
          }}
        >
          {paused ? t('interests.resume') : t('interests.pause')}
        </button>
        {paused && (
          <span className="muted" data-testid="privacy.paused-note">
            {t('interests.pausedNote')}
          </span>
        )}
      </div>
    </section>
  );
}

const loadProfile = (recs: PrivateRecs) => recs.internals.profile();
