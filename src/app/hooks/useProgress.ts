import { useEffect, useState } from 'react';
import type { EngineProgress } from '../../shared/engine-api';

/**
 * The latest start-up or indexing progress the engine reported (null until the first one).
 * Training epochs are left out: they would hide the indexing bar between two batches.
 */
export function useProgress(progress: EventTarget): EngineProgress | null {
  const [latest, setLatest] = useState<EngineProgress | null>(null);
  useEffect(() => {
    const onProgress = (event: Event) => {
      const detail = (event as CustomEvent<EngineProgress>).detail;
      if (detail.stage !== 'training') setLatest(detail);
    };
    progress.addEventListener('progress', onProgress);
    return () => {
      progress.removeEventListener('progress', onProgress);
    };
  }, [progress]);
  return latest;
}
