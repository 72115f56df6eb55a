import { afterEach, describe, expect, it, vi } from 'vitest';
import { PickGuard, VISIBLE_FOR_MS } from './visibility';

/** Stands in for the browser's observer: only construction and its options matter here. */
class FakeObserver {
  static options: unknown;
  constructor(_callback: unknown, options: unknown) {
    FakeObserver.options = options;
  }
  observe(): void {}
  disconnect(): void {}
}

function guardAt(v2: boolean, clock: { now: number }): PickGuard {
  const entryProto = v2 ? { isVisible: false } : {};
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.stubGlobal('IntersectionObserverEntry', { prototype: entryProto });
  return new PickGuard({} as Element, () => clock.now);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PickGuard', () => {
  it('with IntersectionObserver v2, counts a click only after VISIBLE_FOR_MS fully visible', () => {
    const clock = { now: 0 };
    const guard = guardAt(true, clock);
    expect(guard.tracksVisibility).toBe(true);
    expect(FakeObserver.options).toMatchObject({ trackVisibility: true, delay: 100 });
    expect(guard.allows()).toBe(false);
    guard.observe({ isVisible: true, isIntersecting: true, time: 1_000 });
    clock.now = 1_000 + VISIBLE_FOR_MS - 1;
    expect(guard.allows()).toBe(false);
    clock.now = 1_000 + VISIBLE_FOR_MS;
    expect(guard.allows()).toBe(true);
    // Made transparent or covered (in the viewport all the while): refused at once.
    guard.observe({ isVisible: false, isIntersecting: true, time: 2_000 });
    clock.now = 5_000;
    expect(guard.allows()).toBe(false);
    // Visible again: the wait starts over.
    guard.observe({ isVisible: true, isIntersecting: true, time: 5_000 });
    expect(guard.allows()).toBe(false);
    clock.now = 5_000 + VISIBLE_FOR_MS;
    expect(guard.allows()).toBe(true);
  });

  it('without it, the stated rule: in the viewport for VISIBLE_FOR_MS', () => {
    const clock = { now: 0 };
    const guard = guardAt(false, clock);
    expect(guard.tracksVisibility).toBe(false);
    guard.observe({ isIntersecting: true, time: 10 });
    clock.now = 10 + VISIBLE_FOR_MS;
    expect(guard.allows()).toBe(true);
    guard.observe({ isIntersecting: false, time: 20 });
    expect(guard.allows()).toBe(false);
  });
});
