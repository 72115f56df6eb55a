import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../shared/engine-api';

/**
 * Catalogue size, encoder (and the shop's collaborative vectors, if any), compute backend and
 * interaction count, always visible.
 */
export function StatusLine({ status }: { status: EngineStatus }) {
  const { t } = useTranslation();
  const source = status.catalogue.source === 'stored' ? t('status.savedCopy') : '';
  return (
    <footer className="status-line" data-testid="status.line">
      <span data-testid="status.items">{t('status.items', { count: status.items })}</span>
      {source} · {t('status.encoder')} <span data-testid="status.encoder">{status.encoder.id}</span>
      {status.encoder.device && (
        <span data-testid="status.encoder-device">
          {' '}
          ({status.encoder.dtype}, {status.encoder.device})
        </span>
      )}
      {status.collaborative && (
        <span data-testid="status.collaborative">
          {' '}
          {t('status.coUsage', { dims: status.collaborative.dims })}
        </span>
      )}{' '}
      · {t('status.backend')} <span data-testid="status.backend">{status.backend}</span> ·{' '}
      <span data-testid="status.interactions">{status.interactions}</span>{' '}
      {t('status.interactions', { count: status.interactions })}
      {status.learning.state === 'paused' ? t('status.paused') : ''} · {t('status.onDevice')}
    </footer>
  );
}
