import { z } from '../zod';
import { MAX_LOCAL_SIGNALS, MAX_LOCAL_SIGNAL_TEXT } from './local-signals';

const MAX_ITEM_ID = 200;

/**
 * The settings an export carries (the visitor's choices; see workers/engine/preferences.ts).
 * Strict: an import may set these and nothing else, so a crafted file cannot plant other keys.
 */
const importedSettings = z.strictObject({
  excludedItems: z
    .array(z.string().min(1).max(MAX_ITEM_ID), { error: 'must be a list of item ids' })
    .max(200_000, 'has too many entries')
    .optional(),
  learningPaused: z.boolean({ error: 'must be true or false' }).optional(),
  /** Campaign capping (src/shared/campaigns/capping.ts): dismissals and today's showings. */
  campaigns: z
    .strictObject({
      dismissed: z.array(z.string().min(1).max(MAX_ITEM_ID)).max(1_000, 'has too many entries'),
      day: z.string().max(10),
      shown: z
        .array(z.tuple([z.string().min(1).max(MAX_ITEM_ID), z.number().int().min(0).max(1_000)]))
        .max(1_000, 'has too many entries'),
    })
    .optional(),
  /** Picked interests and typed searches (src/shared/interactions/local-signals.ts). */
  localSignals: z
    .array(
      z.strictObject({
        kind: z.enum(['picked', 'search']),
        text: z.string().min(1).max(MAX_LOCAL_SIGNAL_TEXT),
        ts: z.number(),
      }),
    )
    .max(MAX_LOCAL_SIGNALS, 'has too many entries')
    .optional(),
  /** The feed's A/B tally (src/shared/ab/tally.ts). */
  experiment: z
    .strictObject({
      a: z.number().int().min(0).max(1e9),
      b: z.number().int().min(0).max(1e9),
      since: z.number(),
    })
    .optional(),
});

/** Checks the `settings` of an import line; returns a reason instead when it is not acceptable. */
export function checkImportedSettings(
  value: unknown,
): { ok: true; settings: Record<string, unknown> } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: '"settings" must be an object' };
  }
  const unknown = Object.keys(value).find((key) => !Object.hasOwn(importedSettings.shape, key));
  if (unknown !== undefined) {
    return {
      ok: false,
      reason: `"settings" has an unknown setting ${JSON.stringify(unknown.slice(0, 60))}`,
    };
  }
  const parsed = importedSettings.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['settings', ...(issue?.path ?? []).map(String)].join('.');
    return { ok: false, reason: `"${field}" ${issue?.message ?? 'is not valid'}` };
  }
  return { ok: true, settings: parsed.data };
}
