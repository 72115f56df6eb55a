import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageError } from '../../src/shared/errors';
import type { Interaction } from '../../src/shared/interactions/types';
import { DB_NAME } from '../storage/db';
import { Repository } from '../storage/repository';
import { deleteDatabase } from '../../test/stored-fixtures';
import { BATCH_EVENTS, History, MAX_PENDING_EVENTS } from './history';

const ts = Date.UTC(2026, 10, 22);
const view = (i: number, at = ts + i): Interaction => ({
  type: 'view',
  itemId: `item-${i % 7}`,
  ts: at,
  eid: `e${i}`,
});

beforeEach(() => deleteDatabase(DB_NAME));

describe('History', () => {
  it('commits a burst of un-awaited events in a few transactions, every one of them', async () => {
    const repository = new Repository();
    const write = vi.spyOn(repository, 'addInteractions');
    const history = new History(repository, () => undefined);
    await history.load();
    const calls = Array.from({ length: 2000 }, (_, i) => history.add([view(i)]));
    const added = await Promise.all(calls);
    expect(added.every((events) => events.length === 1)).toBe(true);
    // Batches of at most BATCH_EVENTS (the first holds the one event that arrived alone).
    expect(write.mock.calls.length).toBeLessThanOrEqual(Math.ceil(2000 / BATCH_EVENTS) + 1);
    expect(write.mock.calls.every(([events]) => events.length <= BATCH_EVENTS)).toBe(true);
    expect(history.counts()).toEqual({ interactions: 2000, impressions: 0 });
    expect(await repository.interactionCount()).toBe(2000);
    // Memory and storage agree, in time order, with the database keys.
    const stored = await repository.interactions();
    expect(history.all().map((e) => e.id)).toEqual(stored.map((e) => e.id));
  });

  it('commits a like sent during a flood of views in the next transaction, ahead of them', async () => {
    const repository = new Repository();
    const write = vi.spyOn(repository, 'addInteractions');
    const history = new History(repository, () => undefined);
    await history.load();
    const views = Array.from({ length: 3000 }, (_, i) => history.add([view(i)]));
    const like = history.add([{ type: 'like', itemId: 'item-1', ts: ts + 5000, eid: 'like' }]);
    await like;
    // The first transaction took the view that arrived alone; the like went into the second, a
    // small one (not behind the thousands of views sent before it).
    expect(write.mock.calls.length).toBeLessThanOrEqual(2);
    const carrier = write.mock.calls.find(([events]) => events.some((e) => e.eid === 'like'));
    expect(carrier?.[0].length).toBeLessThanOrEqual(BATCH_EVENTS);
    await Promise.all(views);
    expect(history.all()).toHaveLength(3001);
    const times = history.all().map((e) => e.ts);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('stores a repeated event (same id) once and keeps distinct ones of the same millisecond', async () => {
    const history = new History(new Repository(), () => undefined);
    await history.load();
    const cart = (eid: string): Interaction => ({ type: 'add_to_cart', itemId: 'a', ts, eid });
    const first = await Promise.all(
      Array.from({ length: 50 }, (_, i) => history.add([cart(`c${i}`)])),
    );
    expect(first.flat()).toHaveLength(50);
    expect(await history.add([cart('c3')])).toEqual([]);
    expect(history.has(cart('c3'))).toBe(true);
    expect(history.all()).toHaveLength(50);
  });

  it('keeps time order when events arrive out of order', async () => {
    const history = new History(new Repository(), () => undefined);
    await history.load();
    await history.add([view(5), view(1, ts + 1)]);
    await history.add([view(3, ts - 10)]);
    const times = history.all().map((e) => e.ts);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('refuses events beyond the bound of waiting ones with a coded error', async () => {
    const repository = new Repository();
    const history = new History(repository, () => undefined);
    await history.load();
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.spyOn(repository, 'addInteractions').mockImplementation(async (events) => {
      await blocked;
      return events.map((event, id) => ({ ...event, id }));
    });
    const inFlight = history.add([view(0)]);
    const waiting = history.add(Array.from({ length: MAX_PENDING_EVENTS }, (_, i) => view(i + 1)));
    await expect(history.add([view(MAX_PENDING_EVENTS + 1)])).rejects.toMatchObject({
      code: 'event-invalid',
    });
    release();
    await Promise.all([inFlight, waiting]);
    expect(history.all()).toHaveLength(MAX_PENDING_EVENTS + 1);
  });

  it('changes memory only after a commit, and not at all when it fails', async () => {
    const repository = new Repository();
    const history = new History(repository, () => undefined);
    await history.load();
    vi.spyOn(repository, 'addInteractions').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(history.add([view(1)])).rejects.toThrow('disk on fire');
    expect(history.all()).toHaveLength(0);
    await history.add([view(2)]);
    expect(history.all()).toHaveLength(1);
  });

  it('tells of local changes and of reloads apart', async () => {
    const seen: string[] = [];
    const history = new History(new Repository(), (local, notify) =>
      seen.push(`${local ? 'local' : 'reload'}${notify ? '' : ' (silent)'}`),
    );
    await history.load();
    await history.add([view(1)]);
    await history.add([{ type: 'impression', itemId: 'a', ts, eid: 'i1' }], null, false);
    expect(seen).toEqual(['reload', 'local', 'local (silent)']);
    expect(history.counts()).toEqual({ interactions: 1, impressions: 1 });
    expect(history.typeCounts()).toEqual({ view: 1, impression: 1 });
  });

  it('counts stored events per type through additions and deletions', async () => {
    const history = new History(new Repository(), () => undefined);
    await history.load();
    const [first] = await history.add([view(1), view(2)]);
    await history.add([{ type: 'like', itemId: 'a', ts, eid: 'l1' }]);
    expect(history.typeCounts()).toEqual({ view: 2, like: 1 });
    await history.delete(first?.id ?? -1);
    expect(history.typeCounts()).toEqual({ view: 1, like: 1 });
    history.cleared();
    expect(history.typeCounts()).toEqual({});
  });

  describe('when storage refuses a write for lack of room', () => {
    const like = (eid: string, at = ts): Interaction => ({
      type: 'like',
      itemId: 'a',
      ts: at,
      eid,
    });

    /** Makes the repository refuse writes with the quota error while `full.now` is true. */
    function fill(repository: Repository) {
      const full = { now: true };
      const add = repository.addInteractions.bind(repository);
      const write = vi
        .spyOn(repository, 'addInteractions')
        .mockImplementation((events, settings) =>
          full.now
            ? Promise.reject(new StorageError('storage-quota', 'full'))
            : add(events, settings),
        );
      return { full, write };
    }

    it('keeps an explicit event in memory at once and writes it in the background later', async () => {
      const repository = new Repository();
      const history = new History(repository, () => undefined, { first: 5, max: 20, watch: 5 });
      await history.load();
      const { full, write } = fill(repository);
      // The call answers (the old code rejected it, and the like was lost).
      const [held] = await history.add([like('l1')]);
      expect(held?.id).toBeLessThan(0);
      expect(history.all()).toEqual([held]);
      expect(history.has(like('l1'))).toBe(true);
      expect(history.unsaved()).toBe(1);
      // A view is a background signal: refused as before, not held.
      await expect(history.add([view(1)])).rejects.toMatchObject({ code: 'storage-quota' });
      // Tried again and again in the background while storage stays full.
      await vi.waitFor(() => {
        expect(write.mock.calls.length).toBeGreaterThan(4);
      });
      expect(await repository.interactionCount()).toBe(0);
      full.now = false;
      await vi.waitFor(() => {
        expect(history.unsaved()).toBe(0);
      });
      const stored = await repository.interactions();
      expect(stored).toMatchObject([{ type: 'like', itemId: 'a', eid: 'l1' }]);
      // Memory now holds the stored row, with its database key.
      expect(history.all()).toEqual(stored);
    });

    it('writes held events as soon as the browser counts more free room, not at the next backed-off try', async () => {
      const repository = new Repository();
      const free = { bytes: 100 };
      const history = new History(
        repository,
        () => undefined,
        { first: 60_000, max: 60_000, watch: 5 },
        () => Promise.resolve(free.bytes),
      );
      await history.load();
      const { full, write } = fill(repository);
      await history.add([like('l1')]);
      expect(history.unsaved()).toBe(1);
      const tries = write.mock.calls.length;
      // Room the count does not show yet (Chromium counts freed room late): no try is made.
      full.now = false;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(write.mock.calls.length).toBe(tries);
      expect(history.unsaved()).toBe(1);
      // The browser counts it: the held like is written within a watch interval or so.
      free.bytes = 5_000;
      await vi.waitFor(
        () => {
          expect(history.unsaved()).toBe(0);
        },
        { timeout: 1_000 },
      );
      expect((await repository.interactions()).map((e) => e.eid)).toEqual(['l1']);
    });

    it('writes held events with the next write that goes through', async () => {
      const repository = new Repository();
      const history = new History(repository, () => undefined, {
        first: 60_000,
        max: 60_000,
        watch: 60_000,
      });
      await history.load();
      const { full } = fill(repository);
      await history.add([like('l1')]);
      await history.add([like('l2', ts + 1)]);
      expect(history.unsaved()).toBe(2);
      full.now = false;
      await history.add([view(3, ts + 2)]);
      await vi.waitFor(() => {
        expect(history.unsaved()).toBe(0);
      });
      expect((await repository.interactions()).map((e) => e.eid)).toEqual(['l1', 'l2', 'e3']);
    });

    it('keeps held events through a reload, drops a deleted one, and an erasure drops all', async () => {
      const repository = new Repository();
      const history = new History(repository, () => undefined, {
        first: 60_000,
        max: 60_000,
        watch: 60_000,
      });
      await history.load();
      await history.add([view(0, ts - 1)]);
      fill(repository);
      const [first] = await history.add([like('l1')]);
      await history.add([like('l2', ts + 1)]);
      await history.load();
      expect(history.all().map((e) => e.eid)).toEqual(['e0', 'l1', 'l2']);
      await history.delete(first?.id ?? 0);
      expect(history.all().map((e) => e.eid)).toEqual(['e0', 'l2']);
      expect(history.unsaved()).toBe(1);
      await history.erase(() => repository.forget());
      history.cleared();
      expect(history.unsaved()).toBe(0);
      expect(history.all()).toEqual([]);
    });
  });
});
