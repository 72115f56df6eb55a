import { useEffect, useState } from 'react';
import type { EngineProgress } from '../../shared/engine-api';

/** The latest progress event the engine reported (null until the first one). */
export function useProgress(progress: EventTarget): EngineProgress | null {
  const [latest, setLatest] = useState<EngineProgress | null>(null);
  useEffect(() => {
    const onProgress = (event: Event) => {
      setLatest((event as CustomEvent<EngineProgress>).detail);
    };
    progress.addEventListener('progress', onProgress);
    return () => {
      progress.removeEventListener('progress', onProgress);
    };
  }, [progress]);
  return latest;
}
