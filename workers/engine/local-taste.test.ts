import { describe, expect, it } from 'vitest';
import type { ItemMatrix } from '../../src/shared/ranking/matrix';
import { LocalTaste, statedShares } from './local-taste';

/** Three items on three axes; the encoder maps a word to its axis. */
const matrix: ItemMatrix = {
  rows: 3,
  dims: 3,
  data: Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]),
};
const axes: Record<string, number> = { tea: 0, bikes: 1, books: 2 };
const encoder = {
  encodeQuery: (text: string) => {
    const v = new Float32Array(3);
    v[axes[text] ?? 0] = 1;
    return Promise.resolve(v);
  },
};
const popularity = Float32Array.from([1, 0.5, 0]);
const now = Date.UTC(2026, 0, 1);

describe('LocalTaste', () => {
  it('leaves the prior alone without words', async () => {
    expect(await new LocalTaste().prior([], now, encoder, matrix, popularity)).toBe(popularity);
  });

  it('moves the prior towards a picked interest, more than towards a search', async () => {
    const taste = new LocalTaste();
    const picked = await taste.prior(
      [{ kind: 'picked', text: 'books', ts: now }],
      now,
      encoder,
      matrix,
      popularity,
    );
    // Books (least popular) now ranks first.
    expect(Array.from(picked).indexOf(Math.max(...picked))).toBe(2);
    const searched = await taste.prior(
      [{ kind: 'search', text: 'books', ts: now }],
      now,
      encoder,
      matrix,
      popularity,
    );
    expect(searched[2]).toBeLessThan(picked[2] ?? 0);
    expect(searched[2]).toBeGreaterThan(0);
  });
});

describe('statedShares', () => {
  it('gives picked categories (by name, any case) shares of the feed; other words none', () => {
    const shares = statedShares(
      [
        { kind: 'picked', text: 'cycling', ts: now },
        { kind: 'picked', text: 'Books', ts: now },
        { kind: 'picked', text: 'green tea', ts: now },
        { kind: 'search', text: 'Pets', ts: now },
      ],
      now,
      new Set(['Cycling', 'Books', 'Pets']),
    );
    expect(Object.fromEntries(shares)).toEqual({ Cycling: 0.3, Books: 0.3 });
  });
});
