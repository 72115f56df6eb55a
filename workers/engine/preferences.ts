import type { Interaction } from '../../src/shared/interactions/types';
import type { Repository } from '../storage/repository';
import { parseLocalSignals, type LocalSignal } from '../../src/shared/interactions/local-signals';

/** What the visitor decided about learning, kept in the `settings` store (and in exports). */
export interface Preferences {
  /** Items of removed interests: their events stay in the history but no longer count. */
  excludedItems: string[];
  learningPaused: boolean;
  /** Interests picked on a first visit and typed searches (a weak, decaying signal). */
  localSignals: LocalSignal[];
}

/** Nothing decided yet. */
export const defaultPreferences = (): Preferences => ({
  excludedItems: [],
  learningPaused: false,
  localSignals: [],
});

/** Reads the preferences; anything malformed (e.g. from an edited import) counts as unset. */
export async function loadPreferences(repository: Repository): Promise<Preferences> {
  const settings = await repository.settings();
  const excluded = settings.excludedItems;
  return {
    excludedItems: Array.isArray(excluded) ? excluded.filter((id) => typeof id === 'string') : [],
    learningPaused: settings.learningPaused === true,
    localSignals: parseLocalSignals(settings.localSignals),
  };
}

export async function savePreferences(
  repository: Repository,
  preferences: Preferences,
): Promise<void> {
  await repository.putSettings({ ...preferences });
}

/** The part of the history that shapes recommendations: events on removed interests drop out. */
export function countedHistory(
  history: readonly Interaction[],
  preferences: Preferences,
): Interaction[] {
  if (preferences.excludedItems.length === 0) return [...history];
  const excluded = new Set(preferences.excludedItems);
  return history.filter((event) => !excluded.has(event.itemId));
}
