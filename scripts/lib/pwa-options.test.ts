import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { RuntimeCaching } from 'workbox-build';
import { RUNTIME_CACHES } from '../../src/shared/pwa/runtime-routes';
import { ICONS, pwaOptions, rejectHtml } from './pwa-options';

const workbox = pwaOptions.workbox ?? {};
const manifest = pwaOptions.manifest || {};

function route(cacheName: string): RuntimeCaching {
  const found = workbox.runtimeCaching?.find((r) => r.options?.cacheName === cacheName);
  if (!found) throw new Error(`no runtime route for ${cacheName}`);
  return found;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(join('public', file));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('service worker build options', () => {
  it('offers updates instead of forcing them, and cleans up old precaches', () => {
    expect(pwaOptions.registerType).toBe('prompt');
    expect(workbox.skipWaiting).toBe(false);
    expect(workbox.cleanupOutdatedCaches).toBe(true);
  });

  it('precaches the shell and any page or script beside it, but no data, models, wasm or maps', () => {
    expect(workbox.globPatterns).toEqual(['**/*.{js,css,html,svg,png,ico,webmanifest}']);
    expect(workbox.globIgnores).toEqual(
      expect.arrayContaining(['models/**', '**/*.map', '**/*.wasm', '**/*.json']),
    );
  });

  it('answers navigations with the app, except pages with HTML of their own and files', () => {
    const denied = (path: string) =>
      (workbox.navigateFallbackDenylist ?? []).some((pattern) => pattern.test(path));
    expect(workbox.navigateFallback).toBe('index.html');
    // Every URL form docs/app.md documents, as Workbox sees it (path and query).
    for (const path of [
      '/',
      '/?model=lexical',
      '/shop/index.html',
      '/shop/#/item/sku-1',
      '/?catalogue=/some.json',
      '/?catalogue=catalogue.json&backend=wasm',
      '/?catalogue=https://shop.example/catalogue.json',
      '/?catalogue=/models/x.json',
      '/?backend=webgpu',
      '/?model=Xenova/all-MiniLM-L6-v2&dtype=fp32',
      '/?x=widget-frame.html',
      '/?from=example-shop',
    ])
      expect(denied(path), path).toBe(false);
    for (const path of [
      '/example-shop/',
      '/example-shop',
      '/shop/widget-frame.html',
      '/catalogue.json',
      '/catalogue.json?v=2',
      '/shop/widget-frame.html?shop=1',
      '/example-shop?x=1',
      '/models/x/config.json',
    ])
      expect(denied(path), path).toBe(true);
  });

  it('keeps the catalogue stale-while-revalidate, models and runtimes cache-first, all 200 only', () => {
    expect(route(RUNTIME_CACHES.catalogue).handler).toBe('StaleWhileRevalidate');
    expect(route(RUNTIME_CACHES.models).handler).toBe('CacheFirst');
    expect(route(RUNTIME_CACHES.runtimes).handler).toBe('CacheFirst');
    for (const name of Object.values(RUNTIME_CACHES))
      expect(route(name).options?.cacheableResponse).toEqual({ statuses: [200] });
    expect(route(RUNTIME_CACHES.models).options?.plugins).toContain(rejectHtml);
    expect(route(RUNTIME_CACHES.catalogue).options?.plugins).toContain(rejectHtml);
  });

  it('never caches a web page served in place of a model or a catalogue', async () => {
    const page = new Response('<!doctype html>', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    const json = new Response('{}', { headers: { 'content-type': 'application/json' } });
    expect(await rejectHtml.cacheWillUpdate({ response: page })).toBeNull();
    expect(await rejectHtml.cacheWillUpdate({ response: json })).toBe(json);
    // As the generated service worker runs it: rebuilt from its source, in a scope of its own.
    const copy = runInNewContext(`(${rejectHtml.cacheWillUpdate.toString()})`, {
      Promise,
    }) as typeof rejectHtml.cacheWillUpdate;
    expect(await copy({ response: page })).toBeNull();
  });
});

describe('web app manifest', () => {
  it('is installable: names, standalone, start URL and scope relative to the app', () => {
    expect(manifest).toMatchObject({
      short_name: 'private-recs',
      display: 'standalone',
      start_url: './',
      scope: './',
    });
    expect(manifest.name).toContain('private-recs');
  });

  it('lists 192 and 512 PNG icons and a maskable one, each the size it claims', () => {
    const icons = manifest.icons ?? [];
    for (const size of ['192x192', '512x512'])
      expect(icons.some((i) => i.sizes === size && i.type === 'image/png' && !i.purpose)).toBe(
        true,
      );
    expect(icons.some((i) => i.purpose === 'maskable' && i.type === 'image/png')).toBe(true);
    for (const icon of icons.filter((i) => i.type === 'image/png')) {
      const { width, height } = pngSize(icon.src);
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    for (const icon of ICONS)
      expect(pngSize(icon.src)).toEqual({ width: icon.size, height: icon.size });
  });
});
