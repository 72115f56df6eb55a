import { errorMessage } from '../../shared/errors';
import { Store } from './store';

/**
 * Whether the browser may evict this site's data (history, learned weights, caches) under storage
 * pressure. `best-effort`: it may, and nobody asked yet in this visit; `denied`: we asked and the
 * browser said no; `unsupported`: no StorageManager (old browser, insecure context).
 */
export type Persistence = 'checking' | 'persisted' | 'best-effort' | 'denied' | 'unsupported';

export interface StorageState {
  persistence: Persistence;
  /** Bytes this site uses and may use (navigator.storage.estimate()), when known. */
  usage: number | null;
  quota: number | null;
}

/** The parts of StorageManager this uses; each may be missing in some browsers. */
export type StorageLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

/** Storage persistence: what the browser has granted, and asking for it. */
export class StoragePersistence extends Store<StorageState> {
  private asked = false;

  constructor(private readonly storage: () => StorageLike | undefined) {
    super({ persistence: 'checking', usage: null, quota: null });
  }

  /** Reads the current grant and the usage estimate. */
  async refresh(): Promise<void> {
    const storage = this.storage();
    if (!storage?.persisted || !storage.persist) {
      this.set({ persistence: 'unsupported' });
    } else if (await storage.persisted()) {
      this.set({ persistence: 'persisted' });
    } else if (this.getSnapshot().persistence !== 'denied') {
      this.set({ persistence: 'best-effort' });
    }
    const estimate = await storage?.estimate?.();
    this.set({ usage: estimate?.usage ?? null, quota: estimate?.quota ?? null });
  }

  /** Asks the browser to keep this site's data (Firefox asks the visitor; Chrome decides alone). */
  async request(): Promise<Persistence> {
    this.asked = true;
    const storage = this.storage();
    let persistence: Persistence;
    if (!storage?.persist) persistence = 'unsupported';
    else persistence = (await storage.persist()) ? 'persisted' : 'denied';
    this.set({ persistence });
    this.refresh().catch((error: unknown) => {
      console.warn(`Reading the storage estimate failed: ${errorMessage(error)}`);
    });
    return persistence;
  }

  /**
   * Asks once per visit, on the visitor's first like, cart or purchase: then there is something
   * worth keeping, and the click is the user gesture a permission prompt needs. Resolves to null
   * when nothing was asked (already asked, or already granted).
   */
  async requestAfterEngagement(): Promise<Persistence | null> {
    if (this.asked || this.getSnapshot().persistence === 'persisted') return null;
    return this.request();
  }
}

/** The browser's StorageManager, or undefined where there is none. */
export const browserStorage = (): StorageLike | undefined =>
  typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;

/** What a visitor should know when the browser may clear their data, or null when it may not. */
export function evictionWarning(persistence: Persistence): string | null {
  switch (persistence) {
    case 'denied':
    case 'best-effort':
      return 'Your browser may clear your history and learned preferences if this device runs short of space. To keep a copy, export it from the privacy page.';
    case 'unsupported':
      return 'This browser cannot promise to keep your history: it may clear it if this device runs short of space. To keep a copy, export it from the privacy page.';
    case 'checking':
    case 'persisted':
      return null;
  }
}

/** The page's one instance (the app's components share what was granted and asked). */
export const storagePersistence = new StoragePersistence(browserStorage);
