import { expect, test } from '@playwright/test';
import { HOSTS } from './support/widget-shop';
import { report } from './support/report';
import { install, tellPageOffline } from './support/pwa';

// The rest of the suite blocks service workers (playwright.config.ts); this spec tests it.
test.use({ serviceWorkers: 'allow' });

/** The URL forms docs/app.md documents, each with the catalogue it must show offline. */
const FORMS = [
  '/?catalogue=/catalogue.json',
  `/?catalogue=${encodeURIComponent('/catalogue.json?edition=2')}`,
  '/?catalogue=catalogue.json&backend=wasm',
  '/?backend=wasm',
  '/?backend=cpu',
  '/?model=lexical',
  '/?model=lexical&dtype=fp32',
  '/#/privacy',
  '/#/search?q=tea',
];

test('after one visit every documented URL form opens offline', async ({ page, context }) => {
  test.setTimeout(180_000);
  await install(page);
  // A catalogue at an address of its own is cached when first used, online.
  await page.goto(FORMS[1] ?? '');
  await page.waitForFunction(() => typeof window.privateRecs !== 'undefined');
  await page.evaluate(() => window.privateRecs.ready());
  await context.setOffline(true);
  const failed: string[] = [];
  for (const form of FORMS) {
    try {
      await page.goto(form);
      await page.waitForFunction(() => typeof window.privateRecs !== 'undefined');
      const status = await page.evaluate(async () => {
        await window.privateRecs.ready();
        return window.privateRecs.internals.status();
      });
      await tellPageOffline(context);
      await expect(page.getByTestId('pwa.offline')).toBeVisible();
      if (status.items === 0) failed.push(`${form}: no items`);
    } catch (error) {
      failed.push(`${form}: ${(error as Error).message.split('\n')[0] ?? ''}`);
    }
  }
  expect(failed).toEqual([]);
  report({
    area: 'offline',
    tried: FORMS.length,
    outcome:
      'every documented URL form (?catalogue=, ?backend=, ?model=, ?dtype=, hash routes) opened offline after one visit',
  });
});

test('a catalogue on another site is refused in plain words, and the own one is shown', async ({
  page,
}) => {
  await page.goto(
    `/?model=lexical&catalogue=${encodeURIComponent(`${HOSTS.shop}/catalogue.json`)}`,
  );
  // The app's own catalogue is in use (a 529 KB download on a busy machine may take a while).
  await page.waitForFunction(() => typeof window.privateRecs !== 'undefined');
  const status = await page.evaluate(async () => {
    await window.privateRecs.ready();
    return window.privateRecs.internals.status();
  });
  expect(new URL(status.catalogue.url).origin).not.toBe(HOSTS.shop);
  await expect(page.getByTestId('app.diagnostics')).toContainText(
    'is on another site, which this site is not set up to load catalogues from',
  );
  await expect(page.getByTestId('status.line')).toBeVisible();
  await expect(page.getByTestId('app.failed')).toHaveCount(0);
});
