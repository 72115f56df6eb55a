import { useCallback, useState, type ChangeEvent } from 'react';
import { clearDismissed } from '../dismissed';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { EngineStatus } from '../../shared/engine-api';
import { useTranslation } from 'react-i18next';
import { errorText, importProblems } from '../i18n/i18n';
import type { StoredInteraction } from '../../shared/interactions/types';
import { formatTime } from '../../client/format';
import { href } from '../hooks/useHashRoute';
import { useLiveQuery } from '../hooks/useLiveQuery';
import type { PrivateRecs } from '../../client/private-recs';
import { ExperimentPanel } from './ExperimentPanel';
import { InterestsPanel } from './InterestsPanel';
import { LocalSignalsPanel } from './LocalSignalsPanel';
import { useSnackbar } from './Snackbar';
import { StorageSection } from './StorageSection';

interface Props {
  recs: PrivateRecs;
  items: ReadonlyMap<string, CatalogueItem>;
  status: EngineStatus;
}

/** What the app keeps about the visitor: the history, with delete, export, import and erase. */
export function PrivacyPage({ recs, items, status }: Props) {
  const { t, i18n } = useTranslation();
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const loadHistory = useCallback((r: PrivateRecs) => r.internals.history({ limit }), [limit]);
  const history = useLiveQuery(recs, loadHistory, 'privacy.historyFailed');
  const more = Math.min(HISTORY_PAGE, status.interactions - (history?.length ?? 0));
  const notify = useSnackbar();
  const label = (type: StoredInteraction['type']) => t(`privacy.type.${type}`);
  const remove = (id: number) => {
    // The engine tells every view of the change; nothing to refresh here.
    recs.internals.deleteInteraction(id).catch((error: unknown) => {
      notify(t('privacy.deleteFailed', { reason: errorText(error) }), 'error');
    });
  };
  return (
    <section className="privacy" data-testid="privacy.page">
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <DataActions recs={recs} />
      <StorageSection />
      <InterestsPanel recs={recs} status={status} />
      <LocalSignalsPanel recs={recs} />
      <ExperimentPanel recs={recs} />
      <h2>{t('privacy.historyTitle', { count: status.interactions })}</h2>
      <p className="muted" data-testid="privacy.impressions">
        {t('privacy.impressions', { count: status.impressions })}{' '}
        {status.impressions > 0 && (
          <button
            type="button"
            className="link"
            data-testid="privacy.impressions-delete"
            onClick={() => {
              recs.internals.deleteImpressions().catch((error: unknown) => {
                notify(t('privacy.deleteFailed', { reason: errorText(error) }), 'error');
              });
            }}
          >
            {t('privacy.deleteImpressions')}
          </button>
        )}
      </p>
      {history && history.length === 0 && <p className="muted">{t('privacy.noHistory')}</p>}
      <ol className="history" data-testid="privacy.history">
        {history?.map((event) => (
          <li key={event.id} data-testid="privacy.history-row" data-item-id={event.itemId}>
            <span className="history-type">
              {label(event.type)}
              {event.value !== undefined ? ` ${event.value}` : ''}
            </span>{' '}
            <a href={href.item(event.itemId)}>{items.get(event.itemId)?.title ?? event.itemId}</a>{' '}
            <time className="muted">{formatTime(event.ts, i18n.resolvedLanguage)}</time>
            <button
              type="button"
              className="link"
              data-testid="privacy.delete-button"
              aria-label={t('privacy.deleteEntry', {
                what: label(event.type),
                title: items.get(event.itemId)?.title ?? event.itemId,
              })}
              onClick={() => {
                remove(event.id);
              }}
            >
              {t('privacy.delete')}
            </button>
          </li>
        ))}
      </ol>
      {history && history.length === limit && more > 0 && (
        <button
          type="button"
          className="link"
          data-testid="privacy.history-more"
          onClick={() => {
            setLimit((shown) => shown + HISTORY_PAGE);
          }}
        >
          {t('privacy.showMore', { count: more })}
        </button>
      )}
    </section>
  );
}

/**
 * Engagement rows shown at first and added by each "show more", newest first (impressions are
 * summarised apart: they would drown the list). A long history is neither copied out of the
 * worker nor rendered whole on every change.
 */
const HISTORY_PAGE = 100;

function DataActions({ recs }: { recs: PrivateRecs }) {
  const { t } = useTranslation();
  const notify = useSnackbar();
  const [confirming, setConfirming] = useState(false);
  const fail = (key: string) => (error: unknown) => {
    notify(t(key, { reason: errorText(error) }), 'error');
  };
  const exportData = () => {
    recs
      .exportData()
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = `private-recs-${new Date().toISOString().slice(0, 10)}.jsonl`;
        link.click();
        window.setTimeout(() => {
          URL.revokeObjectURL(url);
        }, 10_000);
      })
      .catch(fail('privacy.exportFailed'));
  };
  const importData = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    recs
      .importData(file)
      .then((result) => {
        const { imported, rejected } = result;
        const detail =
          rejected > 0
            ? t('privacy.rejected', { count: rejected, problems: importProblems(result) })
            : '';
        notify(t('privacy.imported', { count: imported, detail }));
      })
      .catch(fail('privacy.importFailed'));
  };
  return (
    <div className="actions">
      <button type="button" data-testid="privacy.export-button" onClick={exportData}>
        {t('privacy.export')}
      </button>
      <label className="button">
        {t('privacy.import')}
        <input
          type="file"
          accept=".jsonl,.json,.ndjson,application/x-ndjson,text/plain"
          data-testid="privacy.import-input"
          onChange={importData}
        />
      </label>
      {confirming ? (
        <span className="confirm" role="group" aria-label={t('privacy.confirmErase')}>
          {t('privacy.eraseQuestion')}{' '}
          <button
            type="button"
            className="danger"
            data-testid="privacy.forget-confirm"
            onClick={() => {
              setConfirming(false);
              recs.forget().then(() => {
                clearDismissed();
                notify(t('privacy.erased'));
              }, fail('privacy.eraseFailed'));
            }}
          >
            {t('privacy.erase')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
            }}
          >
            {t('app.cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="danger"
          data-testid="privacy.forget-button"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('privacy.erase')}
        </button>
      )}
    </div>
  );
}
