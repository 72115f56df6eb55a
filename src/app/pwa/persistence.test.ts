import { describe, expect, it, vi } from 'vitest';
import { evictionWarning, StoragePersistence, type StorageLike } from './persistence';

function storage(
  granted: boolean,
  grants: boolean,
): StorageLike & { persist: () => Promise<boolean> } {
  let state = granted;
  return {
    persisted: () => Promise.resolve(state),
    persist: vi.fn(() => {
      state = state || grants;
      return Promise.resolve(state);
    }),
    estimate: () => Promise.resolve({ usage: 2_000_000, quota: 1_000_000_000 }),
  };
}

describe('StoragePersistence', () => {
  it('reads the grant and the usage estimate', async () => {
    const kept = new StoragePersistence(() => storage(true, true));
    await kept.refresh();
    expect(kept.getSnapshot()).toEqual({
      persistence: 'persisted',
      usage: 2_000_000,
      quota: 1_000_000_000,
    });
    const notYet = new StoragePersistence(() => storage(false, true));
    await notYet.refresh();
    expect(notYet.getSnapshot().persistence).toBe('best-effort');
  });

  it('is unsupported without a StorageManager', async () => {
    const none = new StoragePersistence(() => undefined);
    await none.refresh();
    expect(none.getSnapshot()).toEqual({ persistence: 'unsupported', usage: null, quota: null });
    expect(await none.request()).toBe('unsupported');
  });

  it('asks once per visit after engagement, and says what a refusal means', async () => {
    const refusing = storage(false, false);
    const persistence = new StoragePersistence(() => refusing);
    await persistence.refresh();
    expect(await persistence.requestAfterEngagement()).toBe('denied');
    expect(await persistence.requestAfterEngagement()).toBeNull();
    expect(refusing.persist).toHaveBeenCalledOnce();
    // A refresh keeps the refusal it learned (persisted() alone cannot tell it from "not asked").
    await persistence.refresh();
    expect(persistence.getSnapshot().persistence).toBe('denied');
    expect(evictionWarning('denied')).toMatch(/may clear your history.*export it/);
    // Asking explicitly (the privacy page's button) is always allowed.
    expect(await persistence.request()).toBe('denied');
    expect(refusing.persist).toHaveBeenCalledTimes(2);
  });

  it('does not ask when the data is already kept', async () => {
    const kept = storage(true, true);
    const persistence = new StoragePersistence(() => kept);
    await persistence.refresh();
    expect(await persistence.requestAfterEngagement()).toBeNull();
    expect(kept.persist).not.toHaveBeenCalled();
    expect(evictionWarning('persisted')).toBeNull();
  });

  it('warns when persistence is unsupported, not while it is being checked', () => {
    expect(evictionWarning('unsupported')).toMatch(/cannot promise/);
    expect(evictionWarning('checking')).toBeNull();
  });
});
