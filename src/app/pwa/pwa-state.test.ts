import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pwa, type PwaDeps, type RegisterCallbacks } from './pwa-state';

/** A Pwa whose registration hands its callbacks to the test. */
function setup(overrides: Partial<PwaDeps> = {}) {
  let callbacks: RegisterCallbacks | null = null;
  const activate = vi.fn(() => Promise.resolve());
  const warm = vi.fn(() => Promise.resolve());
  const pwa = new Pwa({
    supported: true,
    register: (given) => {
      callbacks = given;
      return activate;
    },
    warm,
    ...overrides,
  });
  const changes = vi.fn();
  pwa.subscribe(changes);
  pwa.start();
  const sw = () => {
    if (!callbacks) throw new Error('not registered');
    return callbacks;
  };
  return { pwa, sw, activate, warm, changes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Pwa', () => {
  it('says offline use is unavailable where there are no service workers, and registers nothing', () => {
    const register = vi.fn();
    const { pwa } = setup({ supported: false, register });
    expect(register).not.toHaveBeenCalled();
    expect(pwa.getSnapshot()).toMatchObject({
      offline: 'unavailable',
      problem: 'no-service-worker',
    });
  });

  it('is ready offline only once the runtime caches are warm', async () => {
    let finish = () => {};
    const warm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { pwa, sw, changes } = setup({ warm });
    expect(pwa.getSnapshot().offline).toBe('checking');
    sw().onOfflineReady();
    expect(warm).toHaveBeenCalledOnce();
    expect(pwa.getSnapshot().offline).toBe('preparing');
    finish();
    await settle();
    expect(pwa.getSnapshot().offline).toBe('ready');
    expect(changes).toHaveBeenCalled();
    pwa.dismiss();
    expect(pwa.getSnapshot()).toMatchObject({ offline: 'ready', dismissed: true });
  });

  it('reports a failed warm-up as incomplete, the browser’s message left to the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { pwa, sw } = setup({ warm: () => Promise.reject(new Error('Failed to fetch')) });
    sw().onOfflineReady();
    await settle();
    expect(pwa.getSnapshot()).toMatchObject({ offline: 'incomplete', problem: 'download-failed' });
    expect(warn).toHaveBeenCalled();
  });

  it('offers an update and activates it only when asked', async () => {
    const { pwa, sw, activate } = setup();
    sw().onNeedRefresh();
    expect(pwa.getSnapshot().updateAvailable).toBe(true);
    expect(activate).not.toHaveBeenCalled();
    await pwa.update();
    expect(activate).toHaveBeenCalledOnce();
    expect(pwa.getSnapshot().updating).toBe(true);
  });

  it('treats a failed registration as no offline use', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { pwa, sw } = setup();
    sw().onRegisterError(new TypeError('blocked'));
    // The browser's message is for the console, not the visitor's notice.
    expect(pwa.getSnapshot()).toMatchObject({ offline: 'unavailable', problem: 'not-registered' });
    expect(warn).toHaveBeenCalled();
  });
});
