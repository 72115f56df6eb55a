import type { EngineStatus } from '../../shared/engine-api';

/**
 * Catalogue size, encoder (and the shop's collaborative vectors, if any), compute backend and
 * interaction count, always visible.
 */
export function StatusLine({ status }: { status: EngineStatus }) {
  const source = status.catalogue.source === 'stored' ? ' (saved copy)' : '';
  return (
    <footer className="status-line" data-testid="status.line">
      <span data-testid="status.items">{status.items.toLocaleString()} items</span>
      {source} · encoder <span data-testid="status.encoder">{status.encoder.id}</span>
      {status.encoder.device && (
        <span data-testid="status.encoder-device">
          {' '}
          ({status.encoder.dtype}, {status.encoder.device})
        </span>
      )}
      {status.collaborative && (
        <span data-testid="status.collaborative">
          {' '}
          + shop co-usage vectors ({status.collaborative.dims} dims)
        </span>
      )}{' '}
      · backend <span data-testid="status.backend">{status.backend}</span> ·{' '}
      <span data-testid="status.interactions">{status.interactions}</span> interactions
      {status.learning.state === 'paused' ? ' · learning paused' : ''} · computed on this device
    </footer>
  );
}
