import { errorMessage } from '../../shared/errors';
import { formatBytes } from '../../client/format';
import { useStoragePersistence } from '../hooks/useStoragePersistence';
import { storagePersistence, type Persistence } from '../pwa/persistence';
import { useSnackbar } from './Snackbar';

const EXPLAINED: Record<Persistence, string> = {
  checking: 'Checking how this browser keeps your data…',
  persisted:
    'Kept for good: the browser has agreed not to clear your history and learned preferences to free space. They go only when you erase them here or clear this site’s data.',
  'best-effort':
    'Not protected yet: the browser may clear your history and learned preferences if this device runs short of space. The shop asks it to keep them after your first like, cart or purchase.',
  denied:
    'The browser declined to keep your data for good: it may clear your history and learned preferences if this device runs short of space. Export your data above to keep a copy.',
  unsupported:
    'This browser cannot promise to keep your data: it may clear your history and learned preferences if this device runs short of space. Export your data above to keep a copy.',
};

/** Whether the browser may evict the visitor's data, how much is stored, and asking to keep it. */
export function StorageSection() {
  const { persistence, usage, quota } = useStoragePersistence();
  const notify = useSnackbar();
  const ask = () => {
    storagePersistence.request().catch((error: unknown) => {
      notify(`Could not ask the browser to keep your data: ${errorMessage(error)}`, 'error');
    });
  };
  return (
    <section data-testid="privacy.storage" data-state={persistence}>
      <h2>Storage on this device</h2>
      <p>{EXPLAINED[persistence]}</p>
      {usage !== null && quota !== null && (
        <p className="muted" data-testid="privacy.storage-usage">
          This site uses {formatBytes(usage)} (history, learned preferences and the files it needs
          offline) of the {formatBytes(quota)} the browser allows it.
        </p>
      )}
      {(persistence === 'best-effort' || persistence === 'denied') && (
        <button type="button" data-testid="privacy.storage-persist" onClick={ask}>
          Ask the browser to keep my data
        </button>
      )}
    </section>
  );
}
