/**
 * What the per-user replays (eval:two-stage, eval:interleave) share: the dataset read and split
 * by the evaluation's protocol (per user, the last 20 % held out), the item space the device
 * would have (lexical encoder, collaborative vectors from all users' training events), and one
 * user's training history and held-out relevant items.
 */
import { readFile } from 'node:fs/promises';
import { parseCatalogue } from '../../src/shared/catalogue/parse';
import { DEFAULT_COLLAB_WEIGHT } from '../../src/shared/collab/combine';
import { byUser, parseLog } from '../../src/shared/eval/log';
import { splitByTime, type UserSplit } from '../../src/shared/eval/split';
import { eventWeight } from '../../src/shared/interactions/signals';
import { isEngagement, type Interaction } from '../../src/shared/interactions/types';
import { headSpace } from '../../src/shared/head/space';
import { ItemTensors } from '../../workers/engine/head/item-tensors';
import { buildSpace, type EvalSpace } from './eval-space';
import { initNodeBackend } from './tf-node';

export interface Replay {
  catalogueId: string;
  splits: UserSplit[];
  space: EvalSpace;
  indexOf: Map<string, number>;
  tensors: ItemTensors;
}

/** Reads a catalogue and its log, splits it per user and builds the device's item space. */
export async function loadReplay(cataloguePath: string, logPath: string): Promise<Replay> {
  const catalogue = parseCatalogue(await readFile(cataloguePath, 'utf8'));
  const splits = splitByTime(byUser(parseLog(await readFile(logPath, 'utf8')).events));
  await initNodeBackend('wasm');
  const space = await buildSpace(
    catalogue.items,
    splits.flatMap((s) => s.train),
    {
      model: 'lexical',
      modelRoot: 'public/models',
      collabDims: 128,
      collabWeight: DEFAULT_COLLAB_WEIGHT,
    },
  );
  const indexOf = new Map(space.items.map((item, index) => [item.id, index]));
  const tensors = new ItemTensors(headSpace(space.matrix, space.items, space.prior));
  return { catalogueId: catalogue.id, splits, space, indexOf, tensors };
}

/**
 * One user's training history (events on catalogue items) and the held-out items they engaged
 * with positively and had not met before; null when there is nothing to learn from or to find.
 */
export function userCase(
  split: UserSplit,
  indexOf: ReadonlyMap<string, number>,
): { history: Interaction[]; relevant: Set<number>; now: number } | null {
  const history: Interaction[] = split.train
    .filter((e) => indexOf.has(e.item))
    .map((e) => ({
      type: e.type,
      itemId: e.item,
      ts: e.ts,
      ...(e.value === undefined ? {} : { value: e.value }),
    }));
  const had = new Set(history.map((e) => indexOf.get(e.itemId)));
  const relevant = new Set(
    split.test.flatMap((e) => {
      const index = indexOf.get(e.item);
      const positive = eventWeight({ type: e.type, itemId: e.item, ts: e.ts, value: e.value }) > 0;
      return index !== undefined && positive && !had.has(index) ? [index] : [];
    }),
  );
  if (relevant.size === 0 || !history.some(isEngagement)) return null;
  return { history, relevant, now: split.test[0]?.ts ?? 0 };
}
