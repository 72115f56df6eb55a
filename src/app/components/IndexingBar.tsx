import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/i18n';
import { useProgressText } from '../i18n/useProgressText';
import { useProgress } from '../hooks/useProgress';
import type { PrivateRecs } from '../../client/private-recs';
import { useSnackbar } from './Snackbar';

/** Background model download and item encoding: a progress bar with a cancel button. */
export function IndexingBar({ recs }: { recs: PrivateRecs }) {
  const { t } = useTranslation();
  const latest = useProgress(recs);
  const { text, value } = useProgressText(latest);
  const notify = useSnackbar();
  const stage = latest?.stage;
  if (stage !== 'model' && stage !== 'encode') return null;
  return (
    <div className="indexing" role="status" data-testid="app.indexing">
      <span>{text}</span>
      <progress max={1} value={value ?? undefined} aria-label={text} />
      <button
        type="button"
        data-testid="app.indexing-cancel"
        onClick={() => {
          recs.internals.cancelIndexing().catch((error: unknown) => {
            notify(t('app.cancelFailed', { reason: errorText(error) }), 'error');
          });
        }}
      >
        {t('app.cancel')}
      </button>
    </div>
  );
}
