import { useEffect, useState } from 'react';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { EngineProgress, EngineStatus } from '../../shared/engine-api';
import { errorMessage } from '../../shared/errors';
import { useSnackbar } from '../components/Snackbar';
import type { PrivateRecs } from '../private-recs';

export type EngineState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; status: EngineStatus; items: ReadonlyMap<string, CatalogueItem> };

/**
 * The engine's start-up state, then its status, refreshed on every `change` (history edits, the
 * end of background indexing). The listener attaches before start-up ends, so none is missed.
 */
export function useEngine(recs: PrivateRecs): EngineState {
  const [state, setState] = useState<EngineState>({ phase: 'loading' });
  const notify = useSnackbar();
  useEffect(() => {
    let live = true;
    let items: ReadonlyMap<string, CatalogueItem> | null = null;
    const fail = (error: unknown) => {
      if (live) setState({ phase: 'failed', message: errorMessage(error) });
    };
    const refresh = () => {
      if (!items) return;
      const current = items;
      recs.internals.status().then(
        (status) => {
          if (live) setState({ phase: 'ready', status, items: current });
        },
        // The shop keeps working on its last status; only start-up failures replace it.
        (error: unknown) => {
          notify(`Could not refresh the status: ${errorMessage(error)}`, 'error');
        },
      );
    };
    recs.addEventListener('change', refresh);
    recs.started
      .then(() => recs.internals.items())
      .then((list) => {
        items = new Map(list.map((item) => [item.id, item]));
        refresh();
      }, fail);
    return () => {
      live = false;
      recs.removeEventListener('change', refresh);
    };
  }, [recs, notify]);
  return state;
}

/** Progress as one line and a fraction for a progress bar (null: indeterminate). */
export function describeProgress(progress: EngineProgress | null): {
  text: string;
  value: number | null;
} {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  switch (progress?.stage) {
    case undefined:
      return { text: 'Starting…', value: null };
    case 'catalogue': {
      const text = `Downloading catalogue: ${Math.round(progress.loaded / 1024)} KB`;
      return { text, value: progress.total ? progress.loaded / progress.total : null };
    }
    case 'model':
      return {
        text: `Loading text model ${progress.model}: ${mb(progress.loaded)} of ${mb(progress.total)} MB (${progress.filesDone} of ${progress.filesTotal} files)`,
        value: progress.total ? progress.loaded / progress.total : null,
      };
    case 'encode':
      return {
        text: `Understanding items with ${progress.model}: ${progress.done} of ${progress.total}`,
        value: progress.total ? progress.done / progress.total : 1,
      };
    case 'ready':
    case 'indexed':
    case 'trained':
      return { text: 'Ready', value: 1 };
  }
}
