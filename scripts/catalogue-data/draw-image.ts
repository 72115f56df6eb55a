import { fnv1a } from '../../src/shared/hash';

/**
 * A small picture for a demo item, drawn from its category and id (no photos are copied): the
 * category sets the hue, the subcategory the shape, the id where it sits and a second accent.
 * Written as an inline SVG `data:` URL, so showing it makes no request (src/app/images.ts).
 * Deterministic: the same item always gets the same picture.
 */
export function drawImage(id: string, category: string): string {
  const [top = category, sub = ''] = category.split(' > ');
  const hue = fnv1a(top) % 360;
  const shape = fnv1a(sub) % 4;
  const seed = fnv1a(id);
  const x = 14 + (seed % 13);
  const y = 12 + ((seed >>> 4) % 7);
  const accent = (hue + 40 + ((seed >>> 8) % 80)) % 360;
  const fill = hsl(hue, 0.45, 0.42);
  const figure = [
    `<circle cx='${x}' cy='${y}' r='8' fill='${fill}'/>`,
    `<rect x='${x - 8}' y='${y - 7}' width='16' height='14' rx='3' fill='${fill}'/>`,
    `<path d='M${x} ${y - 9}L${x + 9} ${y + 7}H${x - 9}Z' fill='${fill}'/>`,
    `<circle cx='${x}' cy='${y}' r='7' fill='none' stroke='${fill}' stroke-width='3'/>`,
  ][shape];
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 30'>` +
    `<rect width='40' height='30' fill='${hsl(hue, 0.4, 0.9)}'/>` +
    `<circle cx='${40 - x}' cy='${30 - y}' r='5' fill='${hsl(accent, 0.55, 0.7)}'/>` +
    `${figure ?? ''}</svg>`;
  return `data:image/svg+xml,${svg.replace(/</g, '%3C').replace(/>/g, '%3E').replace(/#/g, '%23')}`;
}

/** A colour as #rrggbb from hue (degrees), saturation and lightness (0–1). */
function hsl(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
