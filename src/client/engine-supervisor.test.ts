import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../shared/engine-api';
import type { EngineWorker } from './engine-client';

/** Fake workers: each has a status() that answers at once, or never once `hang` is set. */
const workers: { hang: boolean; end: (reason: string) => void }[] = [];

vi.mock('./engine-client', () => ({
  startEngine: (): EngineWorker => {
    let end: (reason: string) => void = () => undefined;
    const gone = new Promise<string>((resolve) => {
      end = resolve;
    });
    const fake = { hang: false, end };
    workers.push(fake);
    const status = () =>
      fake.hang ? new Promise<never>(() => undefined) : Promise.resolve({ items: workers.length });
    return {
      worker: { terminate: () => undefined } as unknown as Worker,
      engine: { status } as unknown as EngineWorker['engine'],
      started: Promise.resolve({} as EngineStatus),
      gone,
    };
  },
}));

const { EngineSupervisor } = await import('./engine-supervisor');

afterEach(() => {
  workers.length = 0;
});

const config = {
  catalogueUrl: 'https://shop.example/c.json',
  backend: null,
  model: null,
  dtype: null,
  modelRoot: null,
};

describe('EngineSupervisor', () => {
  it('keeps nothing per answered call (a long session must not grow the page heap)', async () => {
    const supervisor = new EngineSupervisor(config, vi.fn(), vi.fn(), vi.fn());
    for (let i = 0; i < 1_000; i++) await supervisor.handle.status();
    const current = (supervisor as unknown as { current: { waiting: Set<unknown> } }).current;
    expect(current.waiting.size).toBe(0);
    supervisor.close();
  });

  it('sends a call cut off by the worker’s end once more, to the next worker', async () => {
    const onRestart = vi.fn();
    const supervisor = new EngineSupervisor(config, vi.fn(), vi.fn(), onRestart);
    await supervisor.ready();
    const first = workers[0];
    if (!first) throw new Error('no worker');
    first.hang = true;
    const call = supervisor.handle.status();
    await new Promise((resolve) => setTimeout(resolve, 0));
    first.end('it stopped');
    await expect(call).resolves.toEqual({ items: 2 });
    expect(onRestart).toHaveBeenCalledTimes(1);
    supervisor.close();
    await expect(supervisor.handle.status()).rejects.toMatchObject({ code: 'engine-crashed' });
  });
});
