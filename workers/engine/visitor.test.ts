import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeKind } from '../../src/shared/engine-api';
import { deleteDatabase } from '../../test/stored-fixtures';
import { DB_NAME } from '../storage/db';
import { Repository } from '../storage/repository';
import { Visitor } from './visitor';

/** Two engines of one origin (two tabs), each with the kinds of change it reported. */
function twoTabs(): {
  here: Visitor;
  there: Visitor;
  heard: ChangeKind[][];
  repository: Repository;
} {
  const heard: ChangeKind[][] = [[], []];
  const repository = new Repository();
  const here = new Visitor(repository, (kind) => heard[0]?.push(kind));
  const there = new Visitor(repository, (kind) => heard[1]?.push(kind));
  return { here, there, heard, repository };
}

const open: Visitor[] = [];
beforeEach(() => deleteDatabase(DB_NAME));
afterEach(() => {
  for (const visitor of open.splice(0)) visitor.close();
});

describe('Visitor across tabs', () => {
  it('tells this page and the other tabs of a dismissed campaign, and nothing is reloaded', async () => {
    const { here, there, heard } = twoTabs();
    open.push(here, there);
    await Promise.all([here.reload(), there.reload()]);
    heard[0]?.splice(0);
    heard[1]?.splice(0);
    here.campaignsChanged();
    expect(heard[0]).toEqual(['campaigns']);
    await expect.poll(() => heard[1]).toEqual(['campaigns']);
  });

  it('reloads the other tab’s copy when the preferences changed', async () => {
    const { here, there, heard } = twoTabs();
    open.push(here, there);
    await Promise.all([here.reload(), there.reload()]);
    heard[1]?.splice(0);
    await here.setPreferences({ ...here.preferences, learningPaused: true });
    await expect.poll(() => there.preferences.learningPaused).toBe(true);
    expect(heard[1]).toContain('preferences');
    expect(heard[1]).not.toContain('campaigns');
    expect(heard[1]).not.toContain('erased');
  });

  it('tells this page and the other tabs that everything was erased', async () => {
    const { here, there, heard, repository } = twoTabs();
    open.push(here, there);
    await Promise.all([here.reload(), there.reload()]);
    await here.history.add([{ type: 'like', itemId: 'a', ts: Date.now() }]);
    await expect.poll(() => there.history.counts().interactions).toBe(1);
    heard[0]?.splice(0);
    heard[1]?.splice(0);
    await here.history.erase(() => repository.forget());
    here.erased();
    expect(heard[0]).toContain('erased');
    await expect.poll(() => heard[1]).toContain('erased');
    expect(there.history.counts().interactions).toBe(0);
  });
});
