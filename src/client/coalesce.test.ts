import { describe, expect, it, vi } from 'vitest';
import { coalesce, MAX_WAIT_MS, newEventId } from './coalesce';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Past the wait after a run of (fake) zero length. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await tick();
};

describe('coalesce', () => {
  it('runs once more after a burst of triggers, never two at once', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const release: (() => void)[] = [];
    const trigger = coalesce(async () => {
      runs += 1;
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running -= 1;
    });
    trigger();
    for (let i = 0; i < 1000; i++) trigger();
    expect(runs).toBe(1);
    release.shift()?.();
    await settle();
    expect(runs).toBe(2);
    release.shift()?.();
    await settle();
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it('under a steady stream of triggers, waits as long as the last run took', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    try {
      const starts: number[] = [];
      const trigger = coalesce(async () => {
        starts.push(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 40));
      });
      const stream = setInterval(trigger, 5);
      await vi.advanceTimersByTimeAsync(500);
      clearInterval(stream);
      // Each run took 40 ms and the next started 40 ms after it ended: 80 ms apart, not 40.
      const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? 0));
      expect(gaps.length).toBeGreaterThan(3);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(80);
    } finally {
      vi.useRealTimers();
    }
  });

  it('after a long first run (the engine starting), runs the next within MAX_WAIT_MS', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    try {
      const starts: number[] = [];
      let first = true;
      const trigger = coalesce(async () => {
        starts.push(performance.now());
        // The first list waits 10 s for the engine; later ones take 10 ms.
        await new Promise((resolve) => setTimeout(resolve, first ? 10_000 : 10));
        first = false;
      });
      trigger();
      await vi.advanceTimersByTimeAsync(10_000);
      // A click just after the first list showed.
      await vi.advanceTimersByTimeAsync(5);
      trigger();
      await vi.advanceTimersByTimeAsync(MAX_WAIT_MS + 20);
      expect(starts).toHaveLength(2);
      expect((starts[1] ?? Infinity) - 10_000).toBeLessThanOrEqual(MAX_WAIT_MS + 5);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps running after a failed refresh', async () => {
    let runs = 0;
    const trigger = coalesce(() => {
      runs += 1;
      return Promise.reject(new Error('no'));
    });
    trigger();
    await settle();
    trigger();
    await settle();
    expect(runs).toBe(2);
  });
});

describe('newEventId', () => {
  it('makes distinct ids of 24 hex digits', () => {
    const ids = new Set(Array.from({ length: 1000 }, newEventId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
  });
});
