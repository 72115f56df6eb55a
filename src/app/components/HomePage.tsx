import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import { topCategory } from '../../shared/ranking/explain';
import { HOME_FEED_COUNT } from '../../shared/ranking/home-feed';
import type { PrivateRecs } from '../../client/private-recs';
import { CampaignBanner } from './CampaignBanner';
import { ColdStart } from './ColdStart';
import { ItemCard } from './ItemCard';
import { RecommendationList } from './RecommendationList';

interface Props {
  recs: PrivateRecs;
  items: ReadonlyMap<string, CatalogueItem>;
  /** Engagement events so far (a first visit is offered to pick interests). */
  interactions: number;
}

const PAGE = 24;
/** Items without a category; a key no catalogue category can equal, worded on screen. */
const OTHER = '\u0000other';

/**
 * The shop front: on a first visit an offer to pick interests, the campaign this device picked
 * (if any), personal recommendations, then the whole catalogue by category.
 */
export function HomePage({ recs, items, interactions }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <ColdStart recs={recs} items={items} interactions={interactions} />
      <CampaignBanner recs={recs} items={items} />
      <RecommendationList
        recs={recs}
        items={items}
        options={{ count: HOME_FEED_COUNT }}
        title={t('recs.forYou')}
        empty={t('recs.nothingToRecommend')}
        testId="recs.grid"
        recordImpressions
      />
      <Browse items={items} />
    </>
  );
}

function Browse({ items }: { items: ReadonlyMap<string, CatalogueItem> }) {
  const { t } = useTranslation();
  const categories = useMemo(() => {
    const names = new Set<string>();
    for (const item of items.values()) names.add(topCategory(item) ?? OTHER);
    return [...names].sort();
  }, [items]);
  const [category, setCategory] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const list = useMemo(
    () =>
      [...items.values()].filter((item) => !category || (topCategory(item) ?? OTHER) === category),
    [items, category],
  );
  return (
    <section className="browse">
      <h2>{t('browse.title')}</h2>
      <div
        className="chips"
        role="group"
        aria-label={t('browse.categories')}
        data-testid="browse.categories"
      >
        {[null, ...categories].map((name) => (
          <button
            key={name ?? 'all'}
            type="button"
            aria-pressed={category === name}
            onClick={() => {
              setCategory(name);
              setShown(PAGE);
            }}
          >
            {name === null ? t('browse.all') : name === OTHER ? t('browse.other') : name}
          </button>
        ))}
      </div>
      <ol className="grid" data-testid="browse.grid">
        {list.slice(0, shown).map((item) => (
          <ItemCard key={item.id} item={item} testId="browse.card" />
        ))}
      </ol>
      {shown < list.length && (
        <button
          type="button"
          className="more"
          onClick={() => {
            setShown(shown + PAGE);
          }}
        >
          {t('browse.more', { count: list.length - shown })}
        </button>
      )}
    </section>
  );
}
