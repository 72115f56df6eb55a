import type { CatalogueItem } from '../catalogue/schema';
import type { InteractionType } from '../interactions/types';
import type { ItemSignal } from '../interactions/signals';
import { row, rowDot, type ItemMatrix } from './matrix';

/** Why an item is in the list; the page words it, the API returns the worded form. */
export type Reason =
  | { kind: 'popular'; category: string | null }
  | { kind: 'personal'; sourceIndex: number; signal: InteractionType }
  | QueryReason
  | { kind: 'similar'; sourceIndex: number }
  | { kind: 'explore'; category: string | null };

/** A reason as data without catalogue indices: what a page needs to word it itself. */
export type ReasonView =
  | { kind: 'popular' | 'explore'; category: string | null }
  | { kind: 'personal'; signal: InteractionType; itemId: string | null }
  | { kind: 'similar'; itemId: string | null }
  | QueryReason;

/**
 * A search result's reason: the query's words it matched (none for a match by meaning only)
 * and whether the visitor's taste placed it higher than its text alone would have.
 */
export interface QueryReason {
  kind: 'query';
  query: string;
  words: string[];
  movedUp: boolean;
}

/** The reason with item indices turned into item ids. */
export function reasonView(reason: Reason, items: readonly CatalogueItem[]): ReasonView {
  switch (reason.kind) {
    case 'personal':
      return {
        kind: 'personal',
        signal: reason.signal,
        itemId: items[reason.sourceIndex]?.id ?? null,
      };
    case 'similar':
      return { kind: 'similar', itemId: items[reason.sourceIndex]?.id ?? null };
    default:
      return reason;
  }
}

/**
 * The history item that explains a candidate, varied across a list: among the sources that
 * explain it at least a quarter as well as the strongest, the one named least often so far
 * (`used`, updated here) and of a kind with the strongest, so that one strong purchase does not
 * give every item the same reason and no item is explained by something unlike it.
 */
export function variedSource(
  candidate: number,
  signals: readonly ItemSignal[],
  matrix: ItemMatrix,
  used: Map<number, number>,
  /** Whether two items are of a kind (e.g. one category): alternatives must be of the best's. */
  akin: (a: number, b: number) => boolean = () => true,
): ItemSignal | null {
  const v = row(matrix, candidate);
  const scored: { signal: ItemSignal; value: number }[] = [];
  for (const signal of signals) {
    if (signal.weight <= 0 || signal.disliked) continue;
    const value = signal.weight * rowDot(matrix, signal.index, v);
    if (value > 0) scored.push({ signal, value });
  }
  const strongest = scored.reduce<{ signal: ItemSignal; value: number } | null>(
    (top, entry) => (top === null || entry.value > top.value ? entry : top),
    null,
  );
  if (!strongest) return null;
  let chosen: { signal: ItemSignal; value: number } | null = null;
  for (const entry of scored) {
    if (entry.value < strongest.value / 4) continue;
    if (!akin(entry.signal.index, strongest.signal.index)) continue;
    const uses = used.get(entry.signal.index) ?? 0;
    const chosenUses = chosen ? (used.get(chosen.signal.index) ?? 0) : Infinity;
    if (uses < chosenUses || (uses === chosenUses && entry.value > (chosen?.value ?? 0))) {
      chosen = entry;
    }
  }
  if (chosen) used.set(chosen.signal.index, (used.get(chosen.signal.index) ?? 0) + 1);
  return chosen?.signal ?? null;
}

const VERBS: Record<InteractionType, string> = {
  impression: 'saw',
  view: 'viewed',
  click: 'opened',
  add_to_cart: 'added to your cart',
  purchase: 'bought',
  like: 'liked',
  dislike: 'disliked',
  rating: 'rated',
};

/** One plain-language line for a reason. */
export function describeReason(reason: Reason, items: readonly CatalogueItem[]): string {
  const title = (index: number) => `“${items[index]?.title ?? 'an item'}”`;
  switch (reason.kind) {
    case 'popular':
      return reason.category ? `Popular in ${reason.category}` : 'Popular right now';
    case 'personal':
      return `Because you ${VERBS[reason.signal]} ${title(reason.sourceIndex)}`;
    case 'query':
      return describeQuery(reason);
    case 'similar':
      return `Similar to ${title(reason.sourceIndex)}`;
    case 'explore':
      return `Something different${reason.category ? `: from ${reason.category}` : ''}`;
  }
}

function describeQuery({ query, words, movedUp }: QueryReason): string {
  if (words.length === 0) return `Related to “${query}”`;
  const matched = `Matches ${words.map((word) => `“${word}”`).join(', ')}`;
  return movedUp ? `${matched} · moved up for your taste` : matched;
}

/** The top level of an item's category path ("Kitchen" of "Kitchen > Coffee"). */
export function topCategory(item: CatalogueItem | undefined): string | null {
  const top = item?.category?.split('>')[0]?.trim();
  return top ? top : null;
}

/** Each catalogue's top categories by row, filled as rows are asked for. */
const topCategories = new WeakMap<readonly CatalogueItem[], (string | null | undefined)[]>();

/**
 * `topCategory(items[index])`, kept per catalogue: ranking asks for it per candidate, per
 * request and per arm of the A/B test.
 */
export function topCategoryAt(items: readonly CatalogueItem[], index: number): string | null {
  let tops = topCategories.get(items);
  if (!tops) topCategories.set(items, (tops = new Array<string | null | undefined>(items.length)));
  let top = tops[index];
  if (top === undefined) tops[index] = top = topCategory(items[index]);
  return top;
}
