import { engagementEvents, type HeadEvent } from './events';

/**
 * Identifies a history's engagement: weights trained on it need no retraining while it matches.
 * Impressions recorded since do not count, or every visit would look like new data.
 */
export function historyFingerprint(events: readonly HeadEvent[]): string {
  const engaged = engagementEvents(events);
  let hash = 0x811c9dc5;
  for (const event of engaged) {
    for (const value of [event.item, event.type, event.ts]) {
      hash = Math.imul(hash ^ (value % 0x7fffffff), 0x01000193) >>> 0;
      hash = Math.imul(hash ^ Math.floor(value / 0x7fffffff), 0x01000193) >>> 0;
    }
  }
  return `${engaged.length}:${hash.toString(16)}`;
}
