import { registerSW } from 'virtual:pwa-register';
import type { PrivateRecs } from '../../client/private-recs';
import { Pwa, type RegisterCallbacks } from './pwa-state';
import { usableEngineUrls, warmRuntimeCaches, whenControlled, whenStored } from './warm-caches';

/**
 * Registers the app's service worker (the widget never does: it must not take over a shop's
 * pages) and returns the state the offline and update notices show.
 */
export function startPwa(recs: PrivateRecs): Pwa {
  const pwa = new Pwa({
    supported: 'serviceWorker' in navigator,
    register,
    warm: () =>
      warmRuntimeCaches({
        controlled: () => whenControlled(navigator.serviceWorker),
        engineUrls: async () => {
          const status = await recs.internals.whenIndexed();
          const urls = await recs.internals.fetchedUrls();
          return usableEngineUrls(urls, status.semantic.state === 'ready');
        },
        fetch: (url) => fetch(url),
        stored: whenStored,
        origin: window.location.origin,
      }),
  });
  pwa.start();
  return pwa;
}

function register(callbacks: RegisterCallbacks): () => Promise<void> {
  const activateWaiting = registerSW(callbacks);
  return async () => {
    // registerSW reloads only pages that were controlled when they registered (workbox-window's
    // isUpdate); a page open since the very first install must show the new version too.
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        window.location.reload();
      },
      { once: true },
    );
    await activateWaiting(true);
  };
}
