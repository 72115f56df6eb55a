import { expect, test, type Page } from '@playwright/test';
import type { Interaction, StoredInteraction } from '../src/shared/interactions/types';
import { badImports, countImportKinds, type Repeated } from '../test/generators/bad-imports';
import { messageProblems } from '../test/generators/plain-message';
import { watchErrors } from './support/errors';
import { report } from './support/report';
import { Shop } from './support/shop';

type Body = { text: string } | { bytes: number[] } | { repeated: Repeated };

interface Outcome {
  ok: boolean;
  result?: { imported: number; rejected: number; problems: string[] };
  code?: string;
  message?: string;
  details?: { imported: number; rejected: number; problems: string[] };
}

/** The whole stored history, impressions included, with database ids. */
function history(page: Page): Promise<StoredInteraction[]> {
  return page.evaluate(() => window.privateRecs.internals.history());
}

const content = ({ type, itemId, ts, value }: Interaction) =>
  value === undefined ? { type, itemId, ts } : { type, itemId, ts, value };
const byTime = (a: Interaction, b: Interaction) => a.ts - b.ts || a.itemId.localeCompare(b.itemId);

/** Imports one body through the public API (built in the page: a 50 MB line is not sent). */
function importBody(page: Page, body: Body): Promise<Outcome> {
  return page.evaluate(async (body) => {
    const part =
      'text' in body
        ? body.text
        : 'bytes' in body
          ? new Uint8Array(body.bytes)
          : body.repeated.head +
            body.repeated.unit.repeat(body.repeated.count) +
            body.repeated.tail;
    try {
      return { ok: true, result: await window.privateRecs.importData(new Blob([part])) };
    } catch (error) {
      const { code, message, details } = error as Outcome;
      return { ok: false, code, message, details };
    }
  }, body);
}

test('hostile import files are refused or partly imported with counts; stored history is never damaged', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const watch = watchErrors(page);
  const shop = new Shop(page);
  await shop.open();
  const ids = await page.evaluate(async () =>
    (await window.privateRecs.internals.items()).map((item) => item.id),
  );
  for (const itemId of ids.slice(10, 13)) {
    await page.evaluate((itemId) => window.privateRecs.track({ type: 'like', itemId }), itemId);
  }
  // The privacy page shows no feed, so nothing records impressions while files are imported.
  await page.getByTestId('nav.privacy').click();
  await shop.impressionsSettled();
  const cases = badImports(ids, Date.now());
  const [worker] = page.workers();
  let before = await history(page);
  const failures: string[] = [];
  for (const c of cases) {
    const raw = c.body();
    const body: Body =
      typeof raw === 'string'
        ? { text: raw }
        : raw instanceof Uint8Array
          ? { bytes: Array.from(raw) }
          : { repeated: raw };
    const outcome = await importBody(page, body);
    const after = await history(page);
    const problems: string[] = [];
    const kept = new Map(after.map((event) => [event.id, event]));
    if (before.some((event) => JSON.stringify(kept.get(event.id)) !== JSON.stringify(event))) {
      problems.push('an event that was stored changed or disappeared');
    }
    const known = new Set(before.map((event) => event.id));
    const added = after
      .filter((event) => !known.has(event.id))
      .map(content)
      .sort(byTime);
    if (JSON.stringify(added) !== JSON.stringify(c.adds.map(content).sort(byTime))) {
      problems.push(`added ${added.length} events, expected ${c.adds.length}`);
    }
    if (c.adds.length === 0) {
      // Refused as a whole: a plain message with the counts, and nothing stored.
      if (outcome.ok) problems.push(`accepted: ${JSON.stringify(outcome.result)}`);
      if (outcome.code !== 'import-invalid') problems.push(`code ${String(outcome.code)}`);
      if (outcome.details?.imported !== 0 || outcome.details.rejected !== c.rejected) {
        problems.push(`counts ${JSON.stringify(outcome.details)}, expected ${c.rejected} rejected`);
      }
      problems.push(...messageProblems(outcome.message));
      if (!c.mentions.test(outcome.message ?? '')) problems.push(`does not match ${c.mentions}`);
    } else {
      const result = outcome.result;
      if (!outcome.ok || !result) problems.push(`refused: ${String(outcome.message)}`);
      else {
        if (result.imported !== c.adds.length) problems.push(`imported ${result.imported}`);
        if (result.rejected !== c.rejected) problems.push(`rejected ${result.rejected}`);
        if (c.rejected > 0 && !c.mentions.test(result.problems.join('\n'))) {
          problems.push(`problems ${JSON.stringify(result.problems)} do not match ${c.mentions}`);
        }
      }
    }
    const polluted = await page.evaluate(() => Object.hasOwn(Object.prototype, 'polluted'));
    const pollutedWorker = await worker?.evaluate(() =>
      Object.hasOwn(Object.prototype, 'polluted'),
    );
    if (polluted || pollutedWorker) problems.push('Object.prototype was polluted');
    if (problems.length > 0) failures.push(`${c.kind} / ${c.name}: ${problems.join('; ')}`);
    before = after;
  }
  expect(failures).toEqual([]);
  expect(watch.errors).toEqual([]);

  // The page says the same through its own import button.
  await page.getByTestId('privacy.import-input').setInputFiles({
    name: 'photo.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)),
  });
  await expect(page.getByTestId('app.snackbar')).toContainText(
    'Nothing was imported: the file is binary data',
  );
  expect(await history(page)).toEqual(before);

  report({
    area: 'import',
    tried: cases.length,
    kinds: countImportKinds(cases),
    outcome:
      'files with nothing valid refused with counts and a plain message, history unchanged; partly valid files imported exactly their valid new lines with counts; stored events never changed; no prototype pollution',
  });
});
