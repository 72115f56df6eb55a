import { useEffect, useState } from 'react';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { EngineProgress, EngineStatus } from '../../shared/engine-api';
import { errorMessage } from '../../shared/errors';
import type { PrivateRecs } from '../private-recs';

export type EngineState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; status: EngineStatus; items: ReadonlyMap<string, CatalogueItem> };

/** The engine's start-up state, then its status, refreshed whenever the history changes. */
export function useEngine(recs: PrivateRecs, started: Promise<EngineStatus>): EngineState {
  const [state, setState] = useState<EngineState>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    let items: ReadonlyMap<string, CatalogueItem> = new Map();
    const refresh = async () => {
      const status = await recs.internals.status();
      if (live) setState({ phase: 'ready', status, items });
    };
    const onChange = () => {
      refresh().catch((error: unknown) => {
        if (live) setState({ phase: 'failed', message: errorMessage(error) });
      });
    };
    started
      .then(async () => {
        const list = await recs.internals.items();
        items = new Map(list.map((item) => [item.id, item]));
        await refresh();
        recs.addEventListener('change', onChange);
      })
      .catch((error: unknown) => {
        if (live) setState({ phase: 'failed', message: errorMessage(error) });
      });
    return () => {
      live = false;
      recs.removeEventListener('change', onChange);
    };
  }, [recs, started]);
  return state;
}

/** Start-up progress as one line and a fraction for a progress bar. */
export function describeProgress(progress: EngineProgress | null): {
  text: string;
  value: number | null;
} {
  if (!progress) return { text: 'Starting…', value: null };
  switch (progress.stage) {
    case 'catalogue': {
      const kb = Math.round(progress.loaded / 1024);
      return progress.total
        ? { text: `Downloading catalogue: ${kb} KB`, value: progress.loaded / progress.total }
        : { text: `Downloading catalogue: ${kb} KB`, value: null };
    }
    case 'encode':
      return {
        text: `Understanding items: ${progress.done} of ${progress.total}`,
        value: progress.total ? progress.done / progress.total : null,
      };
    case 'ready':
      return { text: 'Ready', value: 1 };
  }
}
