import { describe, expect, it } from 'vitest';
import { aggregateSignals, SIGNAL_HALF_LIFE_MS } from './signals';
import type { Interaction } from './types';

const now = Date.UTC(2026, 10, 22);
const indexOf = new Map([
  ['a', 0],
  ['b', 1],
  ['c', 2],
]);

describe('aggregateSignals', () => {
  it('lets the latest explicit verdict decide, and never words a reason with a dislike', () => {
    const [signal] = aggregateSignals(
      [
        { type: 'view', itemId: 'a', ts: now - 3 },
        { type: 'like', itemId: 'a', ts: now - 2 },
        { type: 'dislike', itemId: 'a', ts: now - 1 },
      ],
      indexOf,
      now,
    );
    // Net weight is still positive (1 + 4 − 4), but the visitor's last word was "not for me".
    expect(signal).toMatchObject({ disliked: true, strongest: 'like' });
    expect(signal?.weight).toBeCloseTo(1, 6);
    const [again] = aggregateSignals(
      [
        { type: 'dislike', itemId: 'a', ts: now - 2 },
        { type: 'like', itemId: 'a', ts: now - 1 },
      ],
      indexOf,
      now,
    );
    expect(again?.disliked).toBe(false);
  });

  it('sums event weights per item and keeps the strongest event for explanations', () => {
    const signals = aggregateSignals(
      [
        { type: 'view', itemId: 'a', ts: now },
        { type: 'like', itemId: 'a', ts: now },
        { type: 'view', itemId: 'a', ts: now },
      ],
      indexOf,
      now,
    );
    expect(signals).toEqual([
      {
        index: 0,
        weight: 6,
        lastTs: now,
        strongest: 'like',
        purchased: false,
        disliked: false,
        engaged: true,
      },
    ]);
  });

  it('halves the weight of an event one half-life old', () => {
    const [signal] = aggregateSignals(
      [{ type: 'like', itemId: 'b', ts: now - SIGNAL_HALF_LIFE_MS }],
      indexOf,
      now,
    );
    expect(signal?.weight).toBeCloseTo(2, 6);
  });

  it('counts impressions only against items never engaged with, and ignores unknown items', () => {
    const signals = aggregateSignals(
      [
        { type: 'impression', itemId: 'a', ts: now },
        { type: 'click', itemId: 'a', ts: now },
        { type: 'impression', itemId: 'c', ts: now },
        { type: 'purchase', itemId: 'zzz', ts: now },
      ],
      indexOf,
      now,
    );
    expect(signals.find((s) => s.index === 0)?.weight).toBe(1.5);
    expect(signals.find((s) => s.index === 2)?.weight).toBeLessThan(0);
    expect(signals).toHaveLength(2);
  });

  it('turns low ratings into negative signals and marks purchases', () => {
    const signals = aggregateSignals(
      [
        { type: 'rating', itemId: 'a', ts: now, value: 1 },
        { type: 'purchase', itemId: 'b', ts: now },
      ],
      indexOf,
      now,
    );
    expect(signals[0]?.weight).toBeLessThan(0);
    expect(signals[1]?.purchased).toBe(true);
  });

  it('answers a repeated request on the same history as a fresh fold would, at any time', () => {
    const day = 86_400_000;
    const history: Interaction[] = [
      { type: 'view', itemId: 'a', ts: now - 30 * day },
      { type: 'like', itemId: 'b', ts: now - 3 * day },
      { type: 'impression', itemId: 'c', ts: now - day },
      { type: 'purchase', itemId: 'a', ts: now },
    ];
    // Asked again and again at later times, the same (cached) history decays as defined.
    const decayed = (at: number, ts: number) => Math.pow(0.5, (at - ts) / SIGNAL_HALF_LIFE_MS);
    for (const at of [now, now + 20 * day, now + 400 * day]) {
      const signals = aggregateSignals(history, indexOf, at);
      const weight = (index: number) => signals.find((s) => s.index === index)?.weight;
      expect(weight(0)).toBeCloseTo(decayed(at, now - 30 * day) + 4 * decayed(at, now), 12);
      expect(weight(1)).toBeCloseTo(4 * decayed(at, now - 3 * day), 12);
      expect(weight(2)).toBeCloseTo(-0.15 * decayed(at, now - day), 12);
    }
    // A history that grew is folded again.
    history.push({ type: 'dislike', itemId: 'b', ts: now + 1 });
    expect(aggregateSignals(history, indexOf, now + 2).find((s) => s.index === 1)?.disliked).toBe(
      true,
    );
    // An event stamped after the request time does not decay (nor grow).
    const [future] = aggregateSignals(
      [{ type: 'view', itemId: 'a', ts: now + 60_000 }],
      indexOf,
      now,
    );
    expect(future?.weight).toBe(1);
  });
});
