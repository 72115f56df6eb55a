import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNT, DEFAULT_TITLE, engineKey, readOptions } from './options';

const base = 'https://shop.example/products/kettle.html';

describe('readOptions', () => {
  it('resolves the catalogue against the page and fills defaults', () => {
    const read = readOptions({ catalogue: '../catalogue.json' }, base);
    expect(read).toEqual({
      ok: true,
      warnings: [],
      options: {
        catalogueUrl: 'https://shop.example/catalogue.json',
        count: DEFAULT_COUNT,
        contextItemId: undefined,
        query: undefined,
        title: DEFAULT_TITLE,
        images: false,
        model: null,
        backend: null,
        mode: 'strip',
      },
    });
  });

  it('reads mode="campaign", and warns about an unknown mode', () => {
    const campaign = readOptions({ catalogue: '/c.json', mode: 'campaign' }, base);
    expect(campaign.ok && campaign.options.mode).toBe('campaign');
    const odd = readOptions({ catalogue: '/c.json', mode: 'banner' }, base);
    expect(odd.ok && odd.options.mode).toBe('strip');
    expect(odd.ok && odd.warnings[0]).toContain('mode="banner" is unknown');
  });

  it('reads every attribute', () => {
    const read = readOptions(
      {
        catalogue: '/c.json',
        count: '4',
        'context-item': ' sku-1 ',
        query: 'tea',
        title: 'Similar',
        images: '',
        model: 'lexical',
        backend: 'wasm',
      },
      base,
    );
    expect(read.ok && read.options).toMatchObject({
      count: 4,
      contextItemId: 'sku-1',
      query: 'tea',
      title: 'Similar',
      images: true,
      model: 'lexical',
      backend: 'wasm',
    });
  });

  it('refuses a missing or non-http catalogue', () => {
    expect(readOptions({}, base)).toMatchObject({ ok: false });
    expect(readOptions({ catalogue: '  ' }, base)).toMatchObject({ ok: false });
    const script = readOptions({ catalogue: 'javascript:alert(1)' }, base);
    expect(script).toMatchObject({ ok: false });
    expect(!script.ok && script.error).toContain('not a usable catalogue URL');
  });

  it('falls back with a warning for a bad count or backend', () => {
    for (const count of ['0', '2.5', '49', 'many', '-3']) {
      const read = readOptions({ catalogue: '/c.json', count, backend: 'tpu' }, base);
      expect(read.ok && read.options.count).toBe(DEFAULT_COUNT);
      expect(read.ok && read.options.backend).toBeNull();
      expect(read.ok && read.warnings).toHaveLength(2);
    }
  });

  it('gives elements of one catalogue, model and backend one engine', () => {
    const a = readOptions({ catalogue: '/c.json', count: '3' }, base);
    const b = readOptions({ catalogue: 'https://shop.example/c.json', query: 'x' }, base);
    const c = readOptions({ catalogue: '/c.json', model: 'lexical' }, base);
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected valid options');
    expect(engineKey(a.options)).toBe(engineKey(b.options));
    expect(engineKey(a.options)).not.toBe(engineKey(c.options));
  });
});
