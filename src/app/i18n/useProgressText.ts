import { useTranslation } from 'react-i18next';
import type { EngineProgress } from '../../shared/engine-api';

/** Progress as one line in the UI language and a fraction for a progress bar (null: indeterminate). */
export function useProgressText(progress: EngineProgress | null): {
  text: string;
  value: number | null;
} {
  const { t } = useTranslation();
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  switch (progress?.stage) {
    case undefined:
      return { text: t('app.starting'), value: null };
    case 'catalogue':
      return {
        text: t('app.downloadingCatalogue', { kb: Math.round(progress.loaded / 1024) }),
        value: progress.total ? progress.loaded / progress.total : null,
      };
    case 'reading':
      return {
        text: t('app.readingCatalogue', { done: progress.done, total: progress.total }),
        value: progress.total ? progress.done / progress.total : null,
      };
    case 'checking':
      return {
        text: t('app.checkingCatalogue', { done: progress.done, total: progress.total }),
        value: progress.total ? progress.done / progress.total : null,
      };
    case 'model':
      return {
        text: t('app.loadingModel', {
          model: progress.model,
          loaded: mb(progress.loaded),
          total: mb(progress.total),
          filesDone: progress.filesDone,
          filesTotal: progress.filesTotal,
        }),
        value: progress.total ? progress.loaded / progress.total : null,
      };
    case 'encode':
      return {
        text: t('app.encoding', {
          model: progress.model,
          done: progress.done,
          total: progress.total,
        }),
        value: progress.total ? progress.done / progress.total : 1,
      };
    case 'ready':
    case 'indexed':
    case 'trained':
    case 'training':
      return { text: t('app.ready'), value: 1 };
  }
}
