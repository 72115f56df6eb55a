import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCatalogue } from '../../src/shared/catalogue/parse';
import type { Catalogue } from '../../src/shared/catalogue/schema';
import { formatLog, type LogEvent } from '../../src/shared/eval/log';
import { formatCatalogue } from './catalogue-file';

/**
 * Writes a converted dataset as `catalogue.json` and `interactions.jsonl` in `dir`, after
 * checking the catalogue against the same parser the app uses.
 */
export async function writeDataset(
  dir: string,
  catalogue: Catalogue,
  events: readonly LogEvent[],
): Promise<void> {
  const text = formatCatalogue(catalogue);
  parseCatalogue(text); // throws, naming the item and field, if the conversion broke the contract
  const known = new Set(catalogue.items.map((item) => item.id));
  const orphan = events.find((event) => !known.has(event.item));
  if (orphan) throw new Error(`An event names item ${orphan.item}, which is not in the catalogue.`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'catalogue.json'), text);
  await writeFile(join(dir, 'interactions.jsonl'), formatLog(events));
  const users = new Set(events.map((event) => event.user)).size;
  console.log(
    `Wrote ${join(dir, 'catalogue.json')} (${catalogue.items.length} items) and ` +
      `${join(dir, 'interactions.jsonl')} (${events.length} events, ${users} users).`,
  );
}
