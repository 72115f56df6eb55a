import type { EngineStatus } from '../shared/engine-api';
import type { InteractionType } from '../shared/interactions/types';

/** The engagement types the data panel lists, always all of them, in this order. */
export const PANEL_TYPES = [
  'view',
  'click',
  'add_to_cart',
  'purchase',
  'like',
  'dislike',
  'rating',
] as const satisfies readonly Exclude<InteractionType, 'impression'>[];

export type PanelType = (typeof PANEL_TYPES)[number];

/** What the "Your data on this device" panel shows, from the engine's status. */
export interface DataSummary {
  /** Engagement events stored (views, likes, purchases …). */
  interactions: number;
  /** Items shown that were recorded (weak negatives), counted apart. */
  impressions: number;
  /** One row per engagement type, zeros included, so the panel's rows never change in number. */
  rows: { type: PanelType; count: number }[];
  /** The browser refused storage: the history lives in this page's memory only. */
  memoryOnly: boolean;
  paused: boolean;
}

/** Reads the panel's figures out of a status the engine pushed or answered. */
export function summarize(
  status: Pick<EngineStatus, 'interactions' | 'impressions' | 'byType' | 'learning' | 'notices'>,
): DataSummary {
  return {
    interactions: status.interactions,
    impressions: status.impressions,
    rows: PANEL_TYPES.map((type) => ({ type, count: status.byType[type] ?? 0 })),
    memoryOnly: status.notices.some((notice) => notice.code === 'storage-memory'),
    paused: status.learning.state === 'paused',
  };
}

/** The export's file name, as the app names it: `private-recs-2026-11-22.jsonl`. */
export function exportFileName(now: Date): string {
  return `private-recs-${now.toISOString().slice(0, 10)}.jsonl`;
}
