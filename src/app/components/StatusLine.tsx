import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../shared/engine-api';

/**
 * Catalogue size, encoder (and the shop's collaborative vectors, if any), the shop's global model
 * the head starts from (if any) and on how many interactions it was fine-tuned here, compute
 * backend and interaction count, always visible.
 */
export function StatusLine({ status }: { status: EngineStatus }) {
  const { t } = useTranslation();
  const source = status.catalogue.source === 'stored' ? t('status.savedCopy') : '';
  const footer = useRef<HTMLElement>(null);
  // Messages (the snackbar) sit just above the line, which wraps to more lines on a phone.
  useEffect(() => {
    const element = footer.current;
    if (!element) return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => {
      root.setProperty('--status-line-height', `${element.offsetHeight}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.removeProperty('--status-line-height');
    };
  }, []);
  return (
    // Focusable: on a phone the line is one row that scrolls sideways, also by keyboard.
    <footer
      className="status-line"
      data-testid="status.line"
      ref={footer}
      tabIndex={0}
      aria-label={t('status.label')}
    >
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
      )}
      {status.globalModel && (
        <>
          {' '}
          ·{' '}
          <span data-testid="status.global-model" data-version={status.globalModel.version}>
            {t('status.shopModel', { version: status.globalModel.version.slice(0, 8) })},{' '}
            <span data-testid="status.fine-tuned" data-count={status.learning.trainedOn}>
              {status.learning.trainedOn > 0
                ? t('status.fineTuned', { count: status.learning.trainedOn })
                : t('status.notFineTuned')}
            </span>
          </span>
        </>
      )}{' '}
      · {t('status.backend')} <span data-testid="status.backend">{status.backend}</span> ·{' '}
      <span data-testid="status.interactions">{status.interactions}</span>{' '}
      {t('status.interactions', { count: status.interactions })}
      {status.learning.state === 'paused' ? t('status.paused') : ''} · {t('status.onDevice')}
    </footer>
  );
}
