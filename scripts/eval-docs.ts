/**
 * Renders the tables of docs/evaluation.md (the summary at the top and the results tables) from
 * the reports that `npm run eval -- --report docs/evaluation/<name>.json` wrote, so that every
 * number there comes from a run.
 *
 *   npm run eval:docs
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { errorMessage } from '../src/shared/errors';
import { DOC, renderDoc, REPORTS_DIR, type Report } from './lib/eval-docs';

async function main(): Promise<void> {
  const files = (await readdir(REPORTS_DIR)).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) {
    throw new Error(`no reports in ${REPORTS_DIR}; run npm run eval with --report`);
  }
  const reports: Report[] = [];
  for (const file of files) {
    reports.push(JSON.parse(await readFile(join(REPORTS_DIR, file), 'utf8')) as Report);
  }
  const rendered = renderDoc(await readFile(DOC, 'utf8'), reports);
  // Formatted as `npm run check` wants it, so that a run with unchanged reports changes nothing.
  const options = (await resolveConfig(DOC)) ?? {};
  await writeFile(DOC, await format(rendered, { ...options, filepath: DOC }));
  console.log(`${DOC}: tables from ${files.length} reports in ${REPORTS_DIR}/`);
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
