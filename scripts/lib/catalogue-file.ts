import type { Catalogue } from '../../src/shared/catalogue/schema';

/** Catalogue JSON with one item per line, so that diffs of a catalogue stay readable. */
export function formatCatalogue(catalogue: Catalogue): string {
  const { items, ...header } = catalogue;
  const head = JSON.stringify(header).slice(0, -1);
  const body = items.map((item) => JSON.stringify(item)).join(',\n');
  return `${head},"items":[\n${body}\n]}\n`;
}
