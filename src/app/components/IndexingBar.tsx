import { errorMessage } from '../../shared/errors';
import { describeProgress } from '../../client/progress';
import { useProgress } from '../hooks/useProgress';
import type { PrivateRecs } from '../../client/private-recs';
import { useSnackbar } from './Snackbar';

/** Background model download and item encoding: a progress bar with a cancel button. */
export function IndexingBar({ recs }: { recs: PrivateRecs }) {
  const latest = useProgress(recs);
  const notify = useSnackbar();
  const stage = latest?.stage;
  if (stage !== 'model' && stage !== 'encode') return null;
  const { text, value } = describeProgress(latest);
  return (
    <div className="indexing" role="status" data-testid="app.indexing">
      <span>{text}</span>
      <progress max={1} value={value ?? undefined} aria-label={text} />
      <button
        type="button"
        data-testid="app.indexing-cancel"
        onClick={() => {
          recs.internals.cancelIndexing().catch((error: unknown) => {
            notify(`Could not cancel: ${errorMessage(error)}`, 'error');
          });
        }}
      >
        Cancel
      </button>
    </div>
  );
}
