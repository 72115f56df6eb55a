import { describe, expect, it } from 'vitest';
import { coalesce, newEventId } from './coalesce';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

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
    await tick();
    expect(runs).toBe(2);
    release.shift()?.();
    await tick();
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it('keeps running after a failed refresh', async () => {
    let runs = 0;
    const trigger = coalesce(() => {
      runs += 1;
      return Promise.reject(new Error('no'));
    });
    trigger();
    await tick();
    trigger();
    await tick();
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
