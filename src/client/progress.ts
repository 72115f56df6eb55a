import type { EngineProgress } from '../shared/engine-api';

/** Progress as one line and a fraction for a progress bar (null: indeterminate). */
export function describeProgress(progress: EngineProgress | null): {
  text: string;
  value: number | null;
} {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  switch (progress?.stage) {
    case undefined:
      return { text: 'Starting…', value: null };
    case 'catalogue': {
      const text = `Downloading catalogue: ${Math.round(progress.loaded / 1024)} KB`;
      return { text, value: progress.total ? progress.loaded / progress.total : null };
    }
    case 'reading':
      return {
        text: `Reading the catalogue: ${progress.done} of ${progress.total} items`,
        value: progress.total ? progress.done / progress.total : null,
      };
    case 'checking':
      return {
        text: `Checking the catalogue: ${progress.done} of ${progress.total} items`,
        value: progress.total ? progress.done / progress.total : null,
      };
    case 'model':
      return {
        text: `Loading text model ${progress.model}: ${mb(progress.loaded)} of ${mb(progress.total)} MB (${progress.filesDone} of ${progress.filesTotal} files)`,
        value: progress.total ? progress.loaded / progress.total : null,
      };
    case 'encode':
      return {
        text: `Understanding items with ${progress.model}: ${progress.done} of ${progress.total}`,
        value: progress.total ? progress.done / progress.total : 1,
      };
    case 'ready':
    case 'indexed':
    case 'trained':
    case 'training':
      return { text: 'Ready', value: 1 };
  }
}
