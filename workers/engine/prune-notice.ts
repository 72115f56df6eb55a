import type { Notice } from '../../src/shared/engine-api';
import type { Pruned } from '../storage/quota';

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The notice that says what was removed because storage was full, or none if nothing was. */
export function pruneNotice(pruned: Pruned): Notice | null {
  const parts = [
    pruned.vectorSets > 0 &&
      `${plural(pruned.vectorSets, 'set', 'sets')} of cached item vectors (rebuilt when needed)`,
    pruned.catalogues > 0 &&
      plural(pruned.catalogues, 'old catalogue copy', 'old catalogue copies'),
    pruned.impressions > 0 &&
      `the ${plural(pruned.impressions, 'oldest record', 'oldest records')} of items you were shown`,
    pruned.viewsAndClicks > 0 &&
      `your ${plural(pruned.viewsAndClicks, 'oldest view or click', 'oldest views and clicks')}`,
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return null;
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
  return {
    code: 'storage-pruned',
    level: 'warning',
    message:
      `This browser's storage for this site was full. To keep recording what you do, the app ` +
      `removed ${list}. Your likes, dislikes, ratings, cart and purchases are never removed; ` +
      'export your data to keep a full copy.',
  };
}

/**
 * The notice that says explicit events are kept in memory until storage has room (history.ts),
 * or none. Its text does not change with the count, so the visitor is told once.
 */
export function unsavedNotice(unsaved: number): Notice | null {
  if (unsaved === 0) return null;
  return {
    code: 'storage-unsaved',
    level: 'warning',
    message:
      "This browser's storage for this site is full. What you just did (a like, a rating, your " +
      'cart or a purchase) already counts in your recommendations and is kept for now; it is ' +
      'saved as soon as there is room. If you close this page before then, it is lost.',
  };
}
