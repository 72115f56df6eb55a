import { Store } from './store';

/**
 * Offline readiness as the visitor sees it. `checking`: nothing known yet (also on every visit
 * after the first, when the service worker was installed before); `preparing`: just installed,
 * runtime caches warming; `ready` / `incomplete`: the first install finished, fully or not;
 * `unavailable`: this browser window cannot run a service worker.
 */
export type OfflineReadiness = 'checking' | 'preparing' | 'ready' | 'incomplete' | 'unavailable';

/** `download-failed`: a file to keep offline could not be fetched. */
export type PwaProblem = 'no-service-worker' | 'not-registered' | 'download-failed';

export interface PwaState {
  offline: OfflineReadiness;
  /**
   * Why offline use is incomplete or unavailable, as a code the page words (the browser's own
   * message goes to the console: it is English and names addresses).
   */
  problem: PwaProblem | null;
  /** A new version is installed and waits for the visitor's "Reload". */
  updateAvailable: boolean;
  /** The "Reload" was pressed: the new version is taking over. */
  updating: boolean;
  /** The one-time offline message was dismissed. */
  dismissed: boolean;
}

/** The callbacks of vite-plugin-pwa's `registerSW` that the app uses. */
export interface RegisterCallbacks {
  onOfflineReady(): void;
  onNeedRefresh(): void;
  onRegisterError(error: unknown): void;
}

export interface PwaDeps {
  /** Whether this window can run a service worker at all (`'serviceWorker' in navigator`). */
  supported: boolean;
  /** Registers the service worker; returns the function that activates a waiting update. */
  register(callbacks: RegisterCallbacks): () => Promise<void>;
  /** Fills the runtime caches after the first install (src/app/pwa/warm-caches.ts). */
  warm(): Promise<unknown>;
}

/** The app's service worker: offline readiness, the update prompt, and the actions on them. */
export class Pwa extends Store<PwaState> {
  private activate: (() => Promise<void>) | null = null;

  constructor(private readonly deps: PwaDeps) {
    super({
      offline: 'checking',
      problem: null,
      updateAvailable: false,
      updating: false,
      dismissed: false,
    });
  }

  /** Registers the service worker (once). */
  start(): void {
    if (!this.deps.supported) {
      this.set({ offline: 'unavailable', problem: 'no-service-worker' });
      return;
    }
    this.activate = this.deps.register({
      onOfflineReady: () => {
        this.set({ offline: 'preparing' });
        this.deps.warm().then(
          () => {
            this.set({ offline: 'ready' });
          },
          (error: unknown) => {
            console.warn('Filling the offline caches failed.', error);
            this.set({ offline: 'incomplete', problem: 'download-failed' });
          },
        );
      },
      onNeedRefresh: () => {
        this.set({ updateAvailable: true });
      },
      onRegisterError: (error: unknown) => {
        console.warn('The service worker could not be registered; no offline use.', error);
        this.set({ offline: 'unavailable', problem: 'not-registered' });
      },
    });
  }

  /** Lets the waiting version take over; the page reloads when it controls it. */
  update(): Promise<void> {
    if (!this.activate) return Promise.resolve();
    this.set({ updating: true });
    return this.activate();
  }

  dismiss(): void {
    this.set({ dismissed: true });
  }
}
