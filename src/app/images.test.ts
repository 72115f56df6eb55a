import { describe, expect, it } from 'vitest';
import { configuredImageOrigins, imageSource } from './images';

const catalogue = 'https://shop.example/data/catalogue.json';

describe('imageSource', () => {
  it('shows inline images always, and nothing that is not an image', () => {
    const svg = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";
    expect(imageSource(svg, catalogue, [])).toBe(svg);
    expect(imageSource('data:text/html,<b>x</b>', catalogue, [])).toBeNull();
    expect(imageSource('javascript:alert(1)', catalogue, ['https://shop.example'])).toBeNull();
    expect(imageSource(undefined, catalogue, [])).toBeNull();
  });

  it('shows remote images only from an allowed origin, relative ones against the catalogue', () => {
    expect(imageSource('img/a.png', catalogue, [])).toBeNull();
    expect(imageSource('img/a.png', catalogue, ['https://shop.example'])).toBe(
      'https://shop.example/data/img/a.png',
    );
    expect(
      imageSource('https://cdn.example/a.png', catalogue, ['https://shop.example']),
    ).toBeNull();
  });
});

describe('configuredImageOrigins', () => {
  it('reads origins, self as the page origin, and skips what is not a URL', () => {
    expect(
      configuredImageOrigins('self, https://cdn.example/x nonsense', 'https://shop.example'),
    ).toEqual(['https://shop.example', 'https://cdn.example']);
    expect(configuredImageOrigins('', 'https://shop.example')).toEqual([]);
  });
});
