import type { ReadyInfo } from '../../client/private-recs';
import type { ImportResult } from '../../shared/engine-api';
import type { TrackEvent } from '../../shared/interactions/types';
import type { Attributes } from '../options';

/** The one message the host window sends the frame: it carries the port of a MessageChannel. */
export const CONNECT_MESSAGE = 'private-recs:connect';

/** The frame page, beside widget.js. */
export const FRAME_PAGE = 'widget-frame.html';

/** The theme properties an isolated element forwards into its frame (CSS cannot cross it). */
export const THEME_PROPERTIES = [
  '--private-recs-accent',
  '--private-recs-background',
  '--private-recs-text',
  '--private-recs-muted',
  '--private-recs-card-background',
  '--private-recs-border',
  '--private-recs-radius',
  '--private-recs-gap',
  '--private-recs-card-width',
  '--private-recs-focus',
  '--private-recs-font',
] as const;

export type Theme = Partial<Record<(typeof THEME_PROPERTIES)[number], string>>;

/** What the frame tells the host element. Nothing here carries the history. */
export interface FrameEvents {
  state(state: 'loading' | 'ready' | 'empty' | 'error', message?: string): void;
  select(itemId: string): void;
  resize(height: number): void;
}

/**
 * What the host page may ask of the frame: show a strip, and send events in. There is no call
 * that returns recommendations, history, profile or an export.
 */
export interface FrameApi {
  start(attributes: Attributes, theme: Theme, events: FrameEvents): Promise<void>;
  update(attributes: Attributes, theme: Theme): void;
  ready(): Promise<ReadyInfo>;
  track(event: TrackEvent): Promise<void>;
  importData(text: string): Promise<ImportResult>;
  forget(): Promise<void>;
}
