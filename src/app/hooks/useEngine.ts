import { useEffect, useState } from 'react';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { EngineChange, EngineStatus } from '../../shared/engine-api';
import { errorMessage } from '../../shared/errors';
import { errorText, translate } from '../i18n/i18n';
import { useSnackbar } from '../components/Snackbar';
import type { PrivateRecs } from '../../client/private-recs';
import { coalesce } from '../../client/coalesce';

export type EngineState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | {
      phase: 'ready';
      status: EngineStatus;
      items: ReadonlyMap<string, CatalogueItem>;
      /** How many times the engine worker was replaced after a crash. */
      restarts: number;
    };

/**
 * The engine's start-up state, then its status as each `change` carries it (history edits, the
 * end of background indexing); after a restart, asked for anew. The listener attaches before
 * start-up ends, so none is missed.
 */
export function useEngine(recs: PrivateRecs): EngineState {
  const [state, setState] = useState<EngineState>({ phase: 'loading' });
  const notify = useSnackbar();
  useEffect(() => {
    let live = true;
    let items: ReadonlyMap<string, CatalogueItem> | null = null;
    const fail = (error: unknown) => {
      // The cause in full, for the operator's details under the visitor's plain words (App).
      if (live) setState({ phase: 'failed', message: errorMessage(error) });
    };
    const show = (status: EngineStatus) => {
      if (live && items) setState({ phase: 'ready', status, items, restarts: recs.restarts });
    };
    const pull = coalesce(() =>
      recs.internals.status().then(show, (error: unknown) => {
        // The shop keeps working on its last status; only start-up failures replace it.
        notify(translate('app.statusFailed', { reason: errorText(error) }), 'error');
      }),
    );
    const refresh = (event?: Event) => {
      const change = (event as CustomEvent<EngineChange | null> | undefined)?.detail;
      if (change) show(change.status);
      else pull();
    };
    const restarting = () => {
      notify(translate('app.restarting'));
    };
    const loadItems = () =>
      recs.internals.items().then((list) => {
        items = new Map(list.map((item) => [item.id, item]));
        pull();
      });
    // An updated catalogue replaced the items (refreshCatalogue).
    const reloadItems = () => {
      loadItems().catch((error: unknown) => {
        notify(translate('app.catalogueShowFailed', { reason: errorText(error) }), 'error');
      });
    };
    recs.addEventListener('change', refresh);
    recs.addEventListener('status', refresh);
    recs.addEventListener('catalogue', reloadItems);
    recs.addEventListener('restart', restarting);
    recs.started.then(loadItems).catch(fail);
    return () => {
      live = false;
      recs.removeEventListener('change', refresh);
      recs.removeEventListener('status', refresh);
      recs.removeEventListener('catalogue', reloadItems);
      recs.removeEventListener('restart', restarting);
    };
  }, [recs, notify]);
  return state;
}
