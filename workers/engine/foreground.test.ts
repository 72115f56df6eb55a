import { describe, expect, it } from 'vitest';
import { backgroundTurn, foreground, QUIET_MS } from './foreground';

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

describe('foreground calls ahead of background work', () => {
  it('holds background steps while a call the visitor waits on runs, and a moment after', async () => {
    const order: string[] = [];
    const call = foreground(async () => {
      order.push('call starts');
      await sleep(30);
      order.push('call ends');
    });
    const step = backgroundTurn().then(() => order.push('background step'));
    await Promise.all([call, step]);
    expect(order).toEqual(['call starts', 'call ends', 'background step']);
    // Nothing in the foreground for a while: the next turn comes on the next task.
    await sleep(QUIET_MS);
    const started = performance.now();
    await backgroundTurn();
    expect(performance.now() - started).toBeLessThan(QUIET_MS);
  });

  it('passes the answer and the failure of a call through', async () => {
    await expect(foreground(() => Promise.resolve(7))).resolves.toBe(7);
    await expect(foreground(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });
});
