import { useState, type ChangeEvent } from 'react';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { EngineStatus } from '../../shared/engine-api';
import { errorMessage } from '../../shared/errors';
import type { StoredInteraction } from '../../shared/interactions/types';
import { formatTime } from '../../client/format';
import { href } from '../hooks/useHashRoute';
import { useLiveQuery } from '../hooks/useLiveQuery';
import type { PrivateRecs } from '../../client/private-recs';
import { InterestsPanel } from './InterestsPanel';
import { useSnackbar } from './Snackbar';
import { StorageSection } from './StorageSection';

interface Props {
  recs: PrivateRecs;
  items: ReadonlyMap<string, CatalogueItem>;
  status: EngineStatus;
}

const LABELS: Record<StoredInteraction['type'], string> = {
  impression: 'Saw',
  view: 'Viewed',
  click: 'Opened',
  add_to_cart: 'Added to cart',
  purchase: 'Bought',
  like: 'Liked',
  dislike: 'Disliked',
  rating: 'Rated',
};

/** What the app keeps about the visitor: the history, with delete, export, import and erase. */
export function PrivacyPage({ recs, items, status }: Props) {
  const history = useLiveQuery(recs, loadHistory, 'Could not read your history');
  const notify = useSnackbar();
  const remove = (id: number) => {
    // The engine tells every view of the change; nothing to refresh here.
    recs.internals.deleteInteraction(id).catch((error: unknown) => {
      notify(`Deleting failed: ${errorMessage(error)}`, 'error');
    });
  };
  return (
    <section className="privacy" data-testid="privacy.page">
      <h1>Your data</h1>
      <p>
        Everything below is stored only in this browser. Nothing you view, like or buy is sent
        anywhere: recommendations are computed on this device.
      </p>
      <DataActions recs={recs} />
      <StorageSection />
      <InterestsPanel recs={recs} status={status} />
      <h2>Your history ({history?.length ?? '…'})</h2>
      <p className="muted" data-testid="privacy.impressions">
        Also recorded: {status.impressions} impressions (items shown to you that you did not open;
        they count a little against those items).{' '}
        {status.impressions > 0 && (
          <button
            type="button"
            className="link"
            data-testid="privacy.impressions-delete"
            onClick={() => {
              recs.internals.deleteImpressions().catch((error: unknown) => {
                notify(`Deleting failed: ${errorMessage(error)}`, 'error');
              });
            }}
          >
            Delete impressions
          </button>
        )}
      </p>
      {history && history.length === 0 && <p className="muted">No history yet.</p>}
      <ol className="history" data-testid="privacy.history">
        {history?.map((event) => (
          <li key={event.id} data-testid="privacy.history-row" data-item-id={event.itemId}>
            <span className="history-type">
              {LABELS[event.type]}
              {event.value !== undefined ? ` ${event.value}` : ''}
            </span>{' '}
            <a href={href.item(event.itemId)}>{items.get(event.itemId)?.title ?? event.itemId}</a>{' '}
            <time className="muted">{formatTime(event.ts)}</time>
            <button
              type="button"
              className="link"
              data-testid="privacy.delete-button"
              aria-label={`Delete this entry: ${LABELS[event.type]} ${items.get(event.itemId)?.title ?? event.itemId}`}
              onClick={() => {
                remove(event.id);
              }}
            >
              Delete
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Engagement, newest first; impressions are summarised apart (they would drown the list). */
const loadHistory = async (recs: PrivateRecs) =>
  (await recs.internals.history()).filter((event) => event.type !== 'impression').reverse();

function DataActions({ recs }: { recs: PrivateRecs }) {
  const notify = useSnackbar();
  const [confirming, setConfirming] = useState(false);
  const fail = (what: string) => (error: unknown) => {
    notify(`${what} failed: ${errorMessage(error)}`, 'error');
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
      .catch(fail('Export'));
  };
  const importData = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    recs
      .importData(file)
      .then(({ imported, rejected, problems }) => {
        const detail = rejected > 0 ? `; ${rejected} lines rejected (${problems.join('; ')})` : '';
        notify(`Imported ${imported} interactions${detail}.`);
      })
      .catch(fail('Import'));
  };
  return (
    <div className="actions">
      <button type="button" data-testid="privacy.export-button" onClick={exportData}>
        Export my data
      </button>
      <label className="button">
        Import data
        <input
          type="file"
          accept=".jsonl,.json,.ndjson,application/x-ndjson,text/plain"
          data-testid="privacy.import-input"
          onChange={importData}
        />
      </label>
      {confirming ? (
        <span className="confirm" role="group" aria-label="Confirm erasing">
          Erase all history and learned preferences?{' '}
          <button
            type="button"
            className="danger"
            data-testid="privacy.forget-confirm"
            onClick={() => {
              setConfirming(false);
              recs.forget().then(() => {
                notify('Everything was erased.');
              }, fail('Erasing'));
            }}
          >
            Erase everything
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
            }}
          >
            Cancel
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
          Erase everything
        </button>
      )}
    </div>
  );
}
