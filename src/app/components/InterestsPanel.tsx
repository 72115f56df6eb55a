import type { EngineStatus } from '../../shared/engine-api';
import { errorMessage } from '../../shared/errors';
import { useLiveQuery } from '../hooks/useLiveQuery';
import type { PrivateRecs } from '../../client/private-recs';
import { useSnackbar } from './Snackbar';

/** What the app believes the visitor likes, as a chart they can edit, and a pause switch. */
export function InterestsPanel({ recs, status }: { recs: PrivateRecs; status: EngineStatus }) {
  const interests = useLiveQuery(recs, loadProfile, 'Could not work out your interests');
  const notify = useSnackbar();
  const run = (what: string, action: () => Promise<void>, done: string) => {
    action().then(
      () => {
        notify(done);
      },
      (error: unknown) => {
        notify(`${what} failed: ${errorMessage(error)}`, 'error');
      },
    );
  };
  const paused = status.learning.state === 'paused';
  return (
    <section className="interests" data-testid="privacy.interests">
      <h2>What the app thinks you like</h2>
      <p className="muted">
        Worked out on this device from your history. Remove an interest and its items stop counting;
        your history itself stays, and you can count them again.
      </p>
      {interests?.length === 0 && <p className="muted">No interests yet.</p>}
      <ul className="interest-list">
        {interests?.map((interest) => (
          <li key={interest.id} data-testid="privacy.interest" data-label={interest.label}>
            <span className="interest-label">{interest.label}</span>
            <span className="interest-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(interest.share * 100)}%` }} />
            </span>
            <span className="muted">
              {Math.round(interest.share * 100)}% · {interest.itemIds.length} items
            </span>
            <button
              type="button"
              className="link"
              data-testid="privacy.interest-remove"
              aria-label={`Remove the interest ${interest.label}`}
              onClick={() => {
                run(
                  'Removing',
                  () => recs.internals.removeInterest(interest.id),
                  `Removed “${interest.label}”.`,
                );
              }}
            >
              Remove
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
                'Restoring',
                () => recs.internals.restoreInterests(),
                'Removed interests count again.',
              );
            }}
          >
            Count {status.excludedItems} removed items again
          </button>
        )}
        <button
          type="button"
          aria-pressed={paused}
          data-testid="privacy.pause-button"
          onClick={() => {
            run(
              paused ? 'Resuming' : 'Pausing',
              () => recs.internals.setLearningPaused(!paused),
              paused ? 'Learning resumed.' : 'Learning paused: nothing you do is recorded.',
            );
          }}
        >
          {paused ? 'Resume learning' : 'Pause learning'}
        </button>
        {paused && (
          <span className="muted" data-testid="privacy.paused-note">
            Paused: nothing you do is recorded or learned until you resume.
          </span>
        )}
      </div>
    </section>
  );
}

const loadProfile = (recs: PrivateRecs) => recs.internals.profile();
