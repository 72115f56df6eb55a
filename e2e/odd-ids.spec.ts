import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { watchErrors } from './support/errors';
import { report } from './support/report';

const GOOD = JSON.parse(readFileSync('public/catalogue.json', 'utf8')) as {
  items: { id: string; title: string }[];
};

/** The demo catalogue with its first items' ids replaced. */
function withIds(...ids: string[]): string {
  const items = GOOD.items.map((item, i) => (i < ids.length ? { ...item, id: ids[i] } : item));
  // JSON.stringify writes a lone surrogate as the escape "\ud800", as a shop's tool would.
  return JSON.stringify({ ...GOOD, items });
}

const CASES = [
  { name: 'lone-surrogate', body: withIds('\ud800'), says: /"id" is not well-formed Unicode/ },
  {
    name: 'nfc-nfd-twins',
    body: withIds('caf\u00e9', 'cafe\u0301'),
    says: /differ only in how their accents are encoded/,
  },
];

test('odd item ids are refused in plain words, never crashing the page', async ({ page }) => {
  const watch = watchErrors(page);
  for (const c of CASES) {
    await page.route(`**/${c.name}.json`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: c.body }),
    );
    await page.goto(`/?model=lexical&catalogue=${c.name}.json`);
    await expect(page.getByTestId('app.failed')).toContainText(c.says);
    await expect(page.getByTestId('app.crash')).toHaveCount(0);
  }
  expect(watch.errors.filter((line) => /URI malformed/.test(line))).toEqual([]);
  report({
    area: 'catalogue',
    tried: CASES.length,
    kinds: { 'lone surrogate in an item id': 1, 'NFC/NFD twin ids': 1 },
    outcome: 'refused with a plain message naming the ids; no crashed view',
  });
});
