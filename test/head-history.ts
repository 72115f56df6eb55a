import { headSpace } from '../src/shared/head/space';
import type { Interaction } from '../src/shared/interactions/types';

/** Four items on two axes: a and b point the same way, c and d the other. */
export const space = headSpace(
  { rows: 4, dims: 2, data: Float32Array.from([1, 0, 1, 0, 0, 1, 0, 1]) },
  ['x', 'x', 'y', 'y'].map((category, i) => ({ id: String(i), title: 't', category })),
  Float32Array.from([0.1, 0.2, 0.3, 0.4]),
);
/** The padding row of `space`: empty window slots point at it. */
export const PAD = 4;

export const day = 86_400_000;
export const t0 = Date.UTC(2026, 0, 1);
export const indexOf = new Map(['a', 'b', 'c', 'd'].map((id, i) => [id, i]));
/** A short history out of time order, with an unknown item, a dislike and a repeat view. */
export const history: Interaction[] = [
  { type: 'like', itemId: 'b', ts: t0 + day },
  { type: 'view', itemId: 'a', ts: t0 },
  { type: 'view', itemId: 'zzz', ts: t0 + 2 * day },
  { type: 'dislike', itemId: 'c', ts: t0 + 3 * day },
  { type: 'view', itemId: 'b', ts: t0 + 4 * day },
];
