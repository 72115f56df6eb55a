import { PrivateRecs } from '../client/private-recs';
import type { CatalogueItem } from '../shared/catalogue/schema';
import type { EngineStatus, Notice } from '../shared/engine-api';
import { engineKey, type WidgetOptions } from './options';

/** One engine worker and its catalogue items, shared by the elements that use that catalogue. */
export interface LocalEngine {
  recs: PrivateRecs;
  items: Promise<ReadonlyMap<string, CatalogueItem>>;
  /** What the engine said at start-up (fallbacks, a stored catalogue copy, memory-only storage). */
  notices: Promise<Notice[]>;
  /** Settles when background indexing has ended (the text model is in use, or it fell back). */
  indexed: Promise<EngineStatus>;
}

const engines = new Map<string, LocalEngine>();

/** The page's engine for these options, started on first use (one worker per catalogue). */
export function localEngine(options: WidgetOptions): LocalEngine {
  const key = engineKey(options);
  let engine = engines.get(key);
  if (!engine) {
    const recs = new PrivateRecs({
      catalogueUrl: options.catalogueUrl,
      backend: options.backend,
      model: options.model,
      dtype: null,
      modelRoot: import.meta.env.VITE_MODEL_ROOT?.trim() || null,
    });
    const items = recs.started
      .then(() => recs.internals.items())
      .then((list) => new Map(list.map((item) => [item.id, item])));
    // A failed start is shown by every element that uses this engine; a later element retries.
    items.catch(() => {
      engines.delete(key);
      recs.close();
    });
    const notices = recs.started.then((status) => {
      // The shop's developers read these in the console; visitors see what concerns them.
      for (const notice of status.notices) console.warn(`private-recs: ${notice.message}`);
      return status.notices;
    });
    const indexed = recs.started.then(() => recs.internals.whenIndexed());
    engine = { recs, items, notices, indexed };
    engines.set(key, engine);
  }
  return engine;
}
