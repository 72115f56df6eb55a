import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import type { Recommendation } from '../../shared/engine-api';

/** Words a recommendation's reason in the UI language (the worker's English `reason` as fallback). */
export function useReasonText(items: ReadonlyMap<string, CatalogueItem>) {
  const { t } = useTranslation();
  return useCallback(
    (rec: Recommendation): string => {
      const why = rec.why;
      if (!why) return rec.reason;
      const title = (id: string | null) => (id && items.get(id)?.title) || t('reason.anItem');
      switch (why.kind) {
        case 'popular':
          return why.category
            ? t('reason.popularIn', { category: why.category })
            : t('reason.popular');
        case 'explore':
          return why.category
            ? t('reason.exploreFrom', { category: why.category })
            : t('reason.explore');
        case 'personal':
          return t(`reason.personal.${why.signal}`, { title: title(why.itemId) });
        case 'similar':
          return t('reason.similar', { title: title(why.itemId) });
        case 'query': {
          if (why.words.length === 0) return t('reason.related', { query: why.query });
          const quoted = why.words.map((word) => t('reason.queryWord', { word }));
          const words = quoted.join(t('reason.queryWordSeparator'));
          const matched = t('reason.query', { words });
          return why.movedUp ? t('reason.movedUp', { reason: matched }) : matched;
        }
      }
    },
    [items, t],
  );
}
