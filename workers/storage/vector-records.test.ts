import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { dropDamagedRows } from '../../src/shared/encoder/vector-cache';
import { normalize } from '../../src/shared/ranking/matrix';
import { VECTOR_DAMAGE, type VectorRecords } from '../../test/generators/stored-damage';
import { DB_NAME } from './db';
import { Repository } from './repository';
import { assembleVectors, checkHeader } from './vector-records';

const rows = 300;
const dims = 8;
const key = 'model|q8|shop';

function unitData(): Float32Array {
  const data = Float32Array.from({ length: rows * dims }, (_, i) => Math.sin(i + 1));
  for (let r = 0; r < rows; r++) normalize(data.subarray(r * dims, (r + 1) * dims));
  return data;
}

function records(): VectorRecords {
  const hashes = Array.from({ length: rows }, (_, i) => `h${i}`);
  return {
    header: { key, kind: 'header', model: 'model', dims, rows, chunks: 1, savedAt: 1 },
    chunk: { key: `${key}#0`, kind: 'chunk', hashes, data: unitData() },
  };
}

/** What a reader makes of the records: the whole cache refused, or how many rows are dropped. */
function read(r: VectorRecords): 'all' | number {
  const checked = checkHeader(r.header);
  if ('damage' in checked) return 'all';
  const assembled = assembleVectors(key, checked.header, [r.chunk ?? undefined]);
  if ('damage' in assembled) return 'all';
  const { dropped } = dropDamagedRows(assembled.vectors);
  return dropped === rows ? 'all' : dropped;
}

describe('stored vector checks', () => {
  it('accept an intact cache', () => {
    expect(read(records())).toBe(0);
  });

  it.each(VECTOR_DAMAGE.map((d) => [d.name, d] as const))('catch %s', (_, damage) => {
    expect(read(damage.apply(records()))).toBe(damage.reencoded);
  });

  it('read a damaged cache in storage as none, and a new save replaces it whole', async () => {
    const repo = new Repository();
    const intact = records();
    const hashes = intact.chunk?.hashes as string[];
    await repo.saveVectors({ key, model: 'model', dims, hashes, data: unitData() });
    const db = await openDB(DB_NAME);
    await db.put('vectors', { ...intact.header, chunks: 1e9 });
    await db.put('vectors', { key: `${key}#7`, kind: 'chunk', hashes: ['stray'], data: 'x' });
    expect(await repo.readVectors(key)).toEqual({ damage: '1000000000 chunks for 300 rows' });
    await repo.saveVectors({ key, model: 'model', dims, hashes, data: unitData() });
    const again = await repo.readVectors(key);
    expect(again.damage).toBeNull();
    expect(again.vectors?.hashes).toEqual(hashes);
    expect(await db.get('vectors', `${key}#7`)).toBeUndefined();
    db.close();
  });
});
