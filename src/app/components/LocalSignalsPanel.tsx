import { useTranslation } from 'react-i18next';
import type { PrivateRecs } from '../../client/private-recs';
import { formatTime } from '../../client/format';
import { errorText } from '../i18n/i18n';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useSnackbar } from './Snackbar';

const readSignals = (recs: PrivateRecs) => recs.internals.localSignals();

/** What the visitor told the app in words (picked interests, typed searches), each deletable. */
export function LocalSignalsPanel({ recs }: { recs: PrivateRecs }) {
  const { t, i18n } = useTranslation();
  const notify = useSnackbar();
  const signals = useLiveQuery(recs, readSignals, 'coldStart.readFailed');
  if (!signals) return null;
  return (
    <section className="local-signals" data-testid="privacy.local-signals">
      <h2>{t('localSignals.title')}</h2>
      <p className="muted">{t('localSignals.intro')}</p>
      {signals.length === 0 ? (
        <p className="muted">{t('localSignals.none')}</p>
      ) : (
        <ul className="history">
          {[...signals].reverse().map((signal) => (
            <li
              key={`${signal.kind}:${signal.text}`}
              data-testid="privacy.local-signal"
              data-kind={signal.kind}
              data-text={signal.text}
            >
              <span className="history-type">{t(`localSignals.${signal.kind}`)}</span> “
              {signal.text}”{' '}
              <time className="muted">{formatTime(signal.ts, i18n.resolvedLanguage)}</time>
              <button
                type="button"
                className="link"
                data-testid="privacy.local-signal-delete"
                aria-label={t('localSignals.deleteLabel', { text: signal.text })}
                onClick={() => {
                  recs.internals
                    .deleteLocalSignal(signal.kind, signal.text)
                    .catch((error: unknown) => {
                      notify(t('privacy.deleteFailed', { reason: errorText(error) }), 'error');
                    });
                }}
              >
                {t('localSignals.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
