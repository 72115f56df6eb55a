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
/** The message that says everything stored was erased: reload, and say it was an erasure. */
const ERASED_MESSAGE = 'erased';

/**
 * The visitor's state, owned by the worker: the history (in memory, written through) and the
 * preferences (paused learning, removed interests), with one change callback for both. Other
 * engines of the origin share the database: a local write tells them over BroadcastChannel
 * (the message carries nothing, or that a campaign was dismissed, or that everything was
 * erased), and a message from them reloads this copy (for a dismissal, it tells the page's
 * campaign views to look again instead).
 */
export class Visitor {
  readonly history: History;
  private current: Preferences = defaultPreferences();
  private counted: { revision: number; events: Interaction[] } | null = null;
  /** Set while the history empties after an erasure, so that peers hear of an erasure. */
  private erasing = false;
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
      if (local) this.peers?.postMessage(this.erasing ? ERASED_MESSAGE : null);
      onChange('history');
    });
    this.peers?.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (event.data === CAMPAIGNS_MESSAGE) {
        onChange('campaigns');
        return;
      }
      const erased = event.data === ERASED_MESSAGE;
      this.reload(erased).catch((error: unknown) => {
        console.warn('private-recs: could not read what another tab stored.', error);
      });
    });
  }

  /**
   * Reads the stored history and preferences (start-up, and after another engine wrote;
   * `erased`: it erased everything).
   */
  async reload(erased = false): Promise<void> {
    this.current = await loadPreferences(this.repository);
    this.counted = null;
    await this.history.load();
    if (erased) this.onChange('erased');
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
    this.erasing = true;
    try {
      this.history.cleared();
    } finally {
      this.erasing = false;
    }
    this.onChange('erased');
    this.onChange('preferences');
  }

  close(): void {
    this.peers?.close();
  }
}
