import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/shared/catalogue/parse';
import { isActive } from '../../src/shared/campaigns/validity';

const YEAR_MS = 365 * 86_400_000;
const DEMOS = ['catalogue.json', 'catalogue-zh.json'];

/**
 * The demo shops' campaigns must not drop out of the demo as the calendar moves on: every one is
 * shown today and a year from now, so a dated one fails here a year before it would expire.
 */
describe.each(DEMOS)('the campaigns of public/%s', (file) => {
  const text = readFileSync(new URL(`../../public/${file}`, import.meta.url), 'utf8');
  const campaigns = parseCatalogue(text).campaigns ?? [];

  it('may all be shown today and a year from now', () => {
    expect(campaigns.length).toBeGreaterThanOrEqual(8);
    const now = Date.now();
    const stale = campaigns.filter((c) => !isActive(c, now) || !isActive(c, now + YEAR_MS));
    expect(stale.map((c) => `${c.id} (${c.starts ?? '…'} to ${c.ends ?? '…'})`)).toEqual([]);
  });

  it('keeps one example of a dated campaign, its window in order', () => {
    const dated = campaigns.filter((c) => c.starts !== undefined && c.ends !== undefined);
    expect(dated).toHaveLength(1);
    for (const c of dated) expect(Date.parse(c.starts ?? '') < Date.parse(c.ends ?? '')).toBe(true);
  });
});
