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

/**
 * What the host page may ask of the frame, and nothing else: show a strip, send events in. No
 * method returns recommendations, history, profile or an export; the frame checks every
 * argument (src/widget/frame/dispatch.ts). Not Comlink: its `expose` would let the host walk and
 * set any property path of the frame's objects.
 */
export interface FrameRequests {
  start: [attributes: Attributes, theme: Theme];
  update: [attributes: Attributes, theme: Theme];
  ready: [];
  track: [event: { type: string; itemId: string; ts?: number; value?: number }];
  importData: [text: string];
  dismissCampaign: [id: string];
  forget: [];
}

export type FrameMethod = keyof FrameRequests;

export interface FrameRequest {
  id: number;
  method: FrameMethod;
  args: unknown[];
}

export type FrameResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; message: string } };

/**
 * What the frame tells the host: a state that never depends on the history (loading, ready,
 * error), the height of a layout that does not either, and the item the visitor picked.
 */
export type FrameEvent =
  | { event: 'state'; state: 'loading' | 'ready' | 'error'; message?: string }
  | { event: 'select'; itemId: string }
  | { event: 'resize'; height: number };
