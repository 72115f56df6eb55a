import type { ChangeKind } from '../../src/shared/engine-api';
import type { Interaction } from '../../src/shared/interactions/types';
import type { Repository } from '../storage/repository';
import { History } from './history';
import {
  countedHistory,
  defaultPreferences,
  loadPreferences,
  savePreferences,
  type Preferences,
} from './preferences';

/** Tells other engines of this origin (tabs, widget frames) that the stored visitor state changed. */
const PEERS_CHANNEL = 'private-recs:history';
/** The message that says only the campaigns' state changed (a dismissal): nothing to reload. */
const CAMPAIGNS_MESSAGE = 'campaigns';

/**
 * The visitor's state, owned by the worker: the history (in memory, written through) and the
 * preferences (paused learning, removed interests), with one change callback for both. Other
 * engines of the origin share the database: a local write tells them over BroadcastChannel
 * (the message carries nothing, or only that a campaign was dismissed), and a message from them
 * reloads this copy (or, for a dismissal, tells the page's campaign views to look again).
 */
export class Visitor {
  readonly history: History;
  private current: Preferences = defaultPreferences();
  private counted: { revision: number; events: Interaction[] } | null = null;
  private readonly peers =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(PEERS_CHANNEL) : null;

  constructor(
    private readonly repository: Repository,
    private readonly onChange: (kind: ChangeKind) => void,
  ) {
    this.history = new History(repository, (local, notify) => {
      this.counted = null;
      // Silent changes (impressions) change counts only: pages must not refresh their lists for
      // them (a shown list would trigger its own refresh), nor other tabs reload.
      if (!notify) {
        onChange('impressions');
        return;
      }
      if (local) this.peers?.postMessage(null);
      onChange('history');
    });
    this.peers?.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (event.data === CAMPAIGNS_MESSAGE) {
        onChange('campaigns');
        return;
      }
      this.reload().catch((error: unknown) => {
        console.warn('private-recs: could not read what another tab stored.', error);
      });
    });
  }

  /** Reads the stored history and preferences (start-up, and after another engine wrote). */
  async reload(): Promise<void> {
    this.current = await loadPreferences(this.repository);
    this.counted = null;
    await this.history.load();
    this.onChange('preferences');
  }

  get preferences(): Preferences {
    return this.current;
  }

  /** Saves new preferences, then uses them. */
  async setPreferences(preferences: Preferences): Promise<void> {
    await savePreferences(this.repository, preferences);
    this.current = preferences;
    this.counted = null;
    this.peers?.postMessage(null);
    this.onChange('preferences');
  }

  /** A campaign was dismissed here: this page's views and the other tabs' hear of it. */
  campaignsChanged(): void {
    this.peers?.postMessage(CAMPAIGNS_MESSAGE);
    this.onChange('campaigns');
  }

  /** Preferences that arrived with an import (already stored by the import's transaction). */
  async importedSettings(): Promise<void> {
    this.current = await loadPreferences(this.repository);
    this.counted = null;
    this.onChange('preferences');
  }

  /** The part of the history that shapes recommendations (removed interests drop out). */
  countedHistory(): readonly Interaction[] {
    const revision = this.history.revision;
    if (this.counted?.revision !== revision) {
      this.counted = { revision, events: countedHistory(this.history.all(), this.current) };
    }
    return this.counted.events;
  }

  /** After the repository erased everything: an empty history and default preferences. */
  erased(): void {
    this.current = defaultPreferences();
    this.history.cleared();
    this.onChange('preferences');
  }

  close(): void {
    this.peers?.close();
  }
}
