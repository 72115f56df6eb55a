import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import { topCategory } from '../../shared/ranking/explain';
import type { PrivateRecs } from '../../client/private-recs';
import { errorText } from '../i18n/i18n';
import { dismiss, isDismissed } from '../dismissed';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useSnackbar } from './Snackbar';

const readSignals = (recs: PrivateRecs) => recs.internals.localSignals();
/** Categories offered, at most: the catalogue's largest first. */
const MAX_CATEGORIES = 18;
const DISMISSED = 'cold-start';

interface Props {
  recs: PrivateRecs;
  items: ReadonlyMap<string, CatalogueItem>;
  /** Engagement events so far: the offer is for a visitor who has done nothing yet. */
  interactions: number;
}

/**
 * A first visit's offer: pick a few interests (the catalogue's categories) or type what you like.
 * The picks stay on this device as a weak signal that leans the feed (workers/engine/
 * local-taste.ts) and are shown and deletable on "Your data". Gone once the visitor has acted,
 * picked, or said "Not now" (remembered).
 */
export function ColdStart({ recs, items, interactions }: Props) {
  const { t } = useTranslation();
  const notify = useSnackbar();
  const signals = useLiveQuery(recs, readSignals, 'coldStart.readFailed');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [typed, setTyped] = useState('');
  const [closed, setClosed] = useState(() => isDismissed(DISMISSED));
  const categories = useMemo(() => {
    const counts = new Map<string, number>();
    for (const item of items.values()) {
      const category = topCategory(item);
      if (category) counts.set(category, (counts.get(category) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_CATEGORIES)
      .map(([name]) => name)
      .sort((a, b) => a.localeCompare(b));
  }, [items]);
  if (closed || interactions > 0 || signals === null) return null;
  if (signals.some((s) => s.kind === 'picked') || categories.length === 0) return null;
  const words = typed
    .split(/[,，、;]/)
    .map((w) => w.trim())
    .filter(Boolean);
  const picks = [...chosen, ...words];
  return (
    <section className="panel cold-start" data-testid="coldstart.panel">
      <h2>{t('coldStart.title')}</h2>
      <p className="muted">{t('coldStart.intro')}</p>
      <div className="chips" role="group" aria-label={t('coldStart.categories')}>
        {categories.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={chosen.has(name)}
            data-testid="coldstart.category"
            onClick={() => {
              const next = new Set(chosen);
              if (next.has(name)) next.delete(name);
              else next.add(name);
              setChosen(next);
            }}
          >
            {name}
          </button>
        ))}
      </div>
      <label className="cold-start-words">
        {t('coldStart.typeLabel')}{' '}
        <input
          type="text"
          value={typed}
          placeholder={t('coldStart.typePlaceholder')}
          data-testid="coldstart.words"
          onChange={(event) => {
            setTyped(event.target.value);
          }}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          disabled={picks.length === 0}
          data-testid="coldstart.apply"
          onClick={() => {
            recs.internals.pickInterests(picks).then(
              () => {
                notify(t('coldStart.applied', { count: picks.length }));
              },
              (error: unknown) => {
                notify(t('coldStart.failed', { reason: errorText(error) }), 'error');
              },
            );
          }}
        >
          {t('coldStart.apply')}
        </button>
        <button
          type="button"
          className="link"
          data-testid="coldstart.skip"
          onClick={() => {
            dismiss(DISMISSED);
            setClosed(true);
          }}
        >
          {t('coldStart.skip')}
        </button>
      </div>
    </section>
  );
}
