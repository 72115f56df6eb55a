import { describe, expect, it } from 'vitest';
import { drawImage } from './draw-image';

describe('drawImage', () => {
  it('draws the same inline SVG for the same item, a different one for another', () => {
    const a = drawImage('sku-0001', 'Books > Novels');
    expect(a).toBe(drawImage('sku-0001', 'Books > Novels'));
    expect(a).not.toBe(drawImage('sku-0002', 'Books > Novels'));
    expect(a).toMatch(/^data:image\/svg\+xml,%3Csvg /);
  });

  it('is a well-formed URL: every % starts an escape, no raw < > # or "', () => {
    const url = drawImage('sku-0042', 'Coffee & Tea > Grinders');
    expect(url).not.toMatch(/%(?![0-9A-F]{2})/);
    expect(url).not.toMatch(/[<>#"]/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toMatch(/^<svg .*<\/svg>$/);
  });
});
