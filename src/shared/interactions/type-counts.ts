import type { Interaction, InteractionType } from './types';

/** How many stored events there are of each type (types with none are left out). */
export type TypeCounts = Partial<Record<InteractionType, number>>;

/** Adds `events` to `counts` (a new object; `counts` is left as it was). */
export function addTypeCounts(
  counts: TypeCounts,
  events: readonly Pick<Interaction, 'type'>[],
): TypeCounts {
  const next: TypeCounts = { ...counts };
  for (const { type } of events) next[type] = (next[type] ?? 0) + 1;
  return next;
}

/** The counts of a whole history. */
export function countTypes(events: readonly Pick<Interaction, 'type'>[]): TypeCounts {
  return addTypeCounts({}, events);
}
