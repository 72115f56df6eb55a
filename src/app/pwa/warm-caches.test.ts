import { describe, expect, it, vi } from 'vitest';
import { usableEngineUrls, warmRuntimeCaches, type WarmDeps } from './warm-caches';

const ORIGIN = 'https://shop.example';
const engineUrls = [
  `${ORIGIN}/catalogue.json`,
  `${ORIGIN}/assets/tfjs-backend-wasm-simd-abc.wasm`,
  `${ORIGIN}/models/tiny/config.json`,
  `${ORIGIN}/models/missing/config.json`,
  `${ORIGIN}/catalogue.json`,
  `${ORIGIN}/assets/index-abc.js`,
  'https://cdn.example/other.json',
];

function deps(overrides: Partial<WarmDeps> = {}) {
  const log: string[] = [];
  const bodies: ReadableStream[] = [];
  const value: WarmDeps = {
    controlled: () => {
      log.push('controlled');
      return Promise.resolve();
    },
    engineUrls: () => {
      log.push('engine');
      return Promise.resolve(engineUrls);
    },
    fetch: (url) => {
      log.push(url);
      const response = url.includes('missing')
        ? new Response('no', { status: 404 })
        : new Response(new Uint8Array(1000));
      if (response.body) bodies.push(response.body);
      return Promise.resolve(response);
    },
    origin: ORIGIN,
    ...overrides,
  };
  return { value, log, bodies };
}

describe('warmRuntimeCaches', () => {
  it('once controlled, re-requests each same-origin runtime file the engine loaded, once', async () => {
    const { value, log, bodies } = deps();
    const warmed = await warmRuntimeCaches(value);
    expect(warmed).toEqual(engineUrls.slice(0, 4));
    expect(log).toEqual(['controlled', 'engine', ...engineUrls.slice(0, 4)]);
    // Every body was read to its end.
    expect(bodies).toHaveLength(4);
    for (const body of bodies) expect((await body.getReader().read()).done).toBe(true);
  });

  it('waits for control before asking the engine', async () => {
    let control = () => {};
    const engine = vi.fn(() => Promise.resolve([]));
    const { value } = deps({
      controlled: () => new Promise<void>((resolve) => (control = resolve)),
      engineUrls: engine,
    });
    const done = warmRuntimeCaches(value);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(engine).not.toHaveBeenCalled();
    control();
    await done;
    expect(engine).toHaveBeenCalledOnce();
  });

  it('fails when the network does (offline use is then incomplete)', async () => {
    const { value } = deps({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(warmRuntimeCaches(value)).rejects.toThrow('Failed to fetch');
  });
});

describe('usableEngineUrls', () => {
  it('leaves out the files of a text model that did not load, and keeps them when it did', () => {
    expect(usableEngineUrls(engineUrls, true)).toEqual(engineUrls);
    expect(usableEngineUrls(engineUrls, false)).toEqual(
      engineUrls.filter((url) => !url.includes('/models/')),
    );
  });
});
