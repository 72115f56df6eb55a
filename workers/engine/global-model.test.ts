import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Catalogue } from '../../src/shared/catalogue/schema';
import { encodeModel, GLOBAL_MODEL_FORMAT } from '../../src/shared/global/model-file';
import { fromRowLists } from '../../src/shared/global/sparse-rows';
import { messageProblems } from '../../test/generators/plain-message';
import { loadGlobalModel } from './global-model';

afterEach(() => {
  vi.unstubAllGlobals();
});

const items = ['a', 'b', 'c'].map((id) => ({ id, title: id }));
const bytes = encodeModel(
  fromRowLists([[{ col: 1, val: 0.5 }], [{ col: 0, val: 0.5 }], []], 4),
  items.map((item) => item.id),
  10,
);
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function catalogue(model: Partial<NonNullable<Catalogue['model']>> = {}): Catalogue {
  const spec = {
    url: 'shop.head.bin',
    sha256: sha(bytes),
    bytes: bytes.byteLength,
    format: GLOBAL_MODEL_FORMAT,
  };
  return { schema: 'private-recs/catalogue@1', id: 'shop', items, model: { ...spec, ...model } };
}

function serve(body: Uint8Array | null, status = 200): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: URL) => {
    asked.push(url.href);
    return Promise.resolve(new Response(body?.slice() ?? null, { status }));
  });
  return asked;
}

async function refusal(c: Catalogue): Promise<string> {
  const { global, notices } = await loadGlobalModel(c, 'https://shop.example/data/c.json');
  expect(global).toBeNull();
  expect(notices).toHaveLength(1);
  expect(notices[0]?.code).toBe('global-model-invalid');
  expect(messageProblems(notices[0]?.message)).toEqual([]);
  return notices[0]?.message ?? '';
}

describe('loadGlobalModel', () => {
  it('loads a good file relative to the catalogue and names its version', async () => {
    const asked = serve(bytes);
    const { global, notices } = await loadGlobalModel(
      catalogue(),
      'https://shop.example/data/c.json',
    );
    expect(notices).toEqual([]);
    expect(asked).toEqual(['https://shop.example/data/shop.head.bin']);
    expect(global?.info).toEqual({
      format: GLOBAL_MODEL_FORMAT,
      version: sha(bytes).slice(0, 12),
      items: 3,
      entries: 2,
      k: 4,
      startHead: false,
    });
  });

  it('needs nothing when the catalogue ships no model', async () => {
    const asked = serve(bytes);
    const plain = { ...catalogue(), model: undefined };
    expect(await loadGlobalModel(plain, 'https://shop.example/c.json')).toEqual({
      global: null,
      notices: [],
    });
    expect(asked).toEqual([]);
  });

  it('refuses a file whose hash does not match, in plain words', async () => {
    const changed = bytes.slice();
    changed[0] = (changed[0] ?? 0) ^ 1;
    serve(changed);
    const message = await refusal(catalogue());
    expect(message).toMatch(/does not match its hash/);
    expect(message).toMatch(/learn from this device alone/);
  });

  it('refuses a truncated file (hash taken of what came)', async () => {
    const cut = bytes.subarray(0, bytes.length - 8);
    serve(cut);
    expect(await refusal(catalogue({ sha256: sha(cut) }))).toMatch(/cut off/);
  });

  it('refuses a file larger than declared, an unknown format, a missing file', async () => {
    serve(bytes);
    expect(await refusal(catalogue({ bytes: bytes.byteLength - 1 }))).toMatch(/larger than/);
    expect(await refusal(catalogue({ format: 'private-recs/head@9' }))).toMatch(/format/);
    expect(await refusal(catalogue({ bytes: 1e12 }))).toMatch(/larger than 64 MB/);
    serve(null, 404);
    expect(await refusal(catalogue())).toMatch(/answered 404/);
  });

  it('refuses a model built for another catalogue', async () => {
    serve(bytes);
    const other = { ...catalogue(), items: [...items].reverse() };
    expect(await refusal(other)).toMatch(/another list of items/);
  });
});
