import { useEffect } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Header } from './components/Header';
import { IndexingBar } from './components/IndexingBar';
import { HomePage } from './components/HomePage';
import { ItemPage } from './components/ItemPage';
import { CartPage } from './components/CartPage';
import { Diagnostics } from './components/Diagnostics';
import { Notices } from './components/Notices';
import { PrivacyPage } from './components/PrivacyPage';
import { RecommendationList } from './components/RecommendationList';
import { StatusLine } from './components/StatusLine';
import { useTranslation } from 'react-i18next';
import { useProgressText } from './i18n/useProgressText';
import { useCatalogueUpdates } from './hooks/useCatalogueUpdates';
import { useEngine } from './hooks/useEngine';
import { useHashRoute } from './hooks/useHashRoute';
import { useLiveQuery } from './hooks/useLiveQuery';
import { useProgress } from './hooks/useProgress';
import type { PrivateRecs } from '../client/private-recs';
import { ImagePolicyContext } from './images';
import { IMAGE_ORIGINS } from './config';

/** The local cart (read again on every change, like every view of the engine's state). */
const readCart = (recs: PrivateRecs) => recs.internals.cart();

interface Props {
  recs: PrivateRecs;
  configProblems: readonly string[];
}

/** The demo shop: routes between the shop front, item pages, search and the privacy page. */
export function App({ recs, configProblems }: Props) {
  const { t } = useTranslation();
  const engine = useEngine(recs);
  useCatalogueUpdates(recs);
  const route = useHashRoute();
  const cart = useLiveQuery(recs, readCart, 'cart.readFailed');
  const view = route.page === 'item' ? `item:${route.itemId}` : route.page;
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [view]);
  if (engine.phase === 'loading') return <Loading progress={recs} />;
  if (engine.phase === 'failed') {
    return (
      <main className="panel error" role="alert" data-testid="app.failed">
        <h1>{t('app.failedTitle')}</h1>
        <p>{t('app.failedHint')}</p>
        {/* The cause in full (addresses, status codes) is for the site's operator. */}
        <details className="diagnostics" data-testid="app.failed-detail">
          <summary>{t('app.diagnostics', { count: 1 })}</summary>
          <code className="detail">{engine.message}</code>
        </details>
      </main>
    );
  }
  const { status, items, restarts } = engine;
  const problems = configProblems.map((message) => ({
    code: 'bad-parameter',
    level: 'warning' as const,
    message,
  }));
  if (restarts > 0) {
    problems.push({
      code: 'engine-restarted',
      level: 'warning',
      message: t('app.restarted', { count: restarts }),
    });
  }
  const notices = [...problems, ...status.notices];
  return (
    <ImagePolicyContext.Provider
      value={{ catalogueUrl: status.catalogue.url, allowed: IMAGE_ORIGINS }}
    >
      {/* Keyed by the query, so back/forward and links reset the search box. */}
      <Header
        key={route.page === 'search' ? route.query : ''}
        shopName={status.catalogue.name ?? status.catalogue.id}
        catalogueUrl={status.catalogue.url}
        query={route.page === 'search' ? route.query : ''}
        cartCount={cart?.length ?? 0}
        onSearch={(text) => {
          recs.internals.recordSearch(text).catch((error: unknown) => {
            console.warn('The search could not be kept as a signal.', error);
          });
        }}
      />
      <Notices notices={notices} />
      <IndexingBar recs={recs} />
      <main>
        <ErrorBoundary key={route.page}>
          {route.page === 'home' && (
            <HomePage recs={recs} items={items} interactions={status.interactions} />
          )}
          {route.page === 'item' && (
            <ItemPage
              key={route.itemId}
              recs={recs}
              items={items}
              itemId={route.itemId}
              paused={status.learning.state === 'paused'}
            />
          )}
          {route.page === 'privacy' && <PrivacyPage recs={recs} items={items} status={status} />}
          {route.page === 'cart' && (
            <CartPage
              recs={recs}
              items={items}
              lines={cart}
              paused={status.learning.state === 'paused'}
            />
          )}
          {route.page === 'search' && (
            <RecommendationList
              recs={recs}
              items={items}
              options={{ count: 24, query: route.query }}
              title={t('recs.resultsFor', { query: route.query })}
              empty={t('recs.noResults')}
              testId="search.results"
            />
          )}
        </ErrorBoundary>
      </main>
      <StatusLine status={status} />
      <Diagnostics notices={notices} />
    </ImagePolicyContext.Provider>
  );
}

function Loading({ progress }: { progress: EventTarget }) {
  const { text, value } = useProgressText(useProgress(progress));
  return (
    <main className="loading" aria-busy="true" data-testid="app.loading">
      <p>{text}</p>
      <progress max={1} value={value ?? undefined} aria-label={text} />
    </main>
  );
}
