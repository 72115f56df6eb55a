import { useSyncExternalStore } from 'react';
import type { Pwa, PwaState } from '../pwa/pwa-state';

/** Offline readiness and the update prompt of the app's service worker. */
export function usePwa(pwa: Pwa): PwaState {
  return useSyncExternalStore(pwa.subscribe, pwa.getSnapshot);
}
