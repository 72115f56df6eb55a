import { describe, expect, it } from 'vitest';
import { isWellFormed, normalisedId, toWellFormed } from './ids';

describe('ids', () => {
  it('tells lone surrogates from pairs, as String.prototype.isWellFormed does', () => {
    expect(isWellFormed('sku-1')).toBe(true);
    expect(isWellFormed('🍵 tea')).toBe(true);
    for (const bad of ['\ud800', 'a\udc00', '\ud83c', 'x\ud83cy']) {
      expect(isWellFormed(bad)).toBe(false);
      expect(() => encodeURIComponent(bad)).toThrow();
      expect(() => encodeURIComponent(toWellFormed(bad))).not.toThrow();
    }
    expect(toWellFormed('a\ud800b🍵')).toBe('a\ufffdb🍵');
  });

  it('gives NFC and NFD twins one normalised form', () => {
    expect('caf\u00e9').not.toBe('cafe\u0301');
    expect(normalisedId('caf\u00e9')).toBe(normalisedId('cafe\u0301'));
  });
});
