import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorCode, errorMessage } from '../../src/shared/errors';
import { badCatalogues, type BadCatalogue } from '../../test/generators/bad-catalogues';
import { messageProblems } from '../../test/generators/plain-message';
import { fetchCatalogue } from './catalogue-loader';

const good = readFileSync('public/catalogue.json', 'utf8');

function serve(c: Pick<BadCatalogue, 'body' | 'status' | 'contentType'>): void {
  vi.stubGlobal('fetch', () => {
    const body = c.body();
    const init = { status: c.status, headers: { 'content-type': c.contentType } };
    // A 204 has no body by definition.
    const payload = typeof body === 'string' ? body : new Uint8Array(body);
    return Promise.resolve(new Response(c.status === 204 ? null : payload, init));
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchCatalogue', () => {
  it.each(badCatalogues(good).map((c) => [`${c.kind}: ${c.name}`, c] as const))(
    'refuses %s with a plain message naming the fault',
    async (_, c) => {
      serve(c);
      const error: unknown = await fetchCatalogue('https://shop.example/c.json', () => undefined)
        .then(() => new Error('accepted'))
        .catch((thrown: unknown) => thrown);
      expect(errorCode(error), errorMessage(error)).toMatch(/^catalogue-(invalid|unreachable)$/);
      expect(messageProblems(errorMessage(error))).toEqual([]);
      expect(errorMessage(error)).toMatch(c.mentions);
    },
    // The 1,000,001-item case parses and checks a million items: seconds on a busy machine.
    60_000,
  );

  it('refuses a response that announces more than 200 MB without reading it', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const headers = { 'content-length': String(300 * 1024 * 1024) };
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(stream, { headers })));
    await expect(fetchCatalogue('https://shop.example/c.json', () => undefined)).rejects.toThrow(
      'it is larger than 200 MB',
    );
    expect(pulled).toBeLessThan(3);
  });

  it('refuses a body that grows past the size limit while it downloads', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(chunk);
        if (sent > 1000) controller.close();
      },
    });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(stream)));
    await expect(fetchCatalogue('https://shop.example/c.json', () => undefined)).rejects.toThrow(
      'it is larger than 200 MB',
    );
    expect(sent).toBeLessThan(205);
    // Streaming 200 MB takes seconds on a busy 2-core machine: more time than the default 5 s.
  }, 30_000);

  it('reports a connection that breaks mid-body as cut off', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(good.slice(0, 1000)));
        controller.error(new TypeError('network error'));
      },
    });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(stream)));
    const failure = fetchCatalogue('https://shop.example/c.json', () => undefined);
    await expect(failure).rejects.toThrow(/download was cut off before the end \(network error\)/);
  });

  it('accepts the good catalogue', async () => {
    serve({ body: () => good, status: 200, contentType: 'application/json' });
    expect(
      (await fetchCatalogue('https://shop.example/c.json', () => undefined)).items,
    ).toHaveLength(1217);
  });
});
