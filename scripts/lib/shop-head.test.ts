import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import type { LogEvent } from '../../src/shared/eval/log';
import { buildGlobalModel } from '../../src/shared/global/build';
import { decodeModel, encodeModel } from '../../src/shared/global/model-file';
import { seededRandom } from '../../src/shared/random';
import { initialParams, personalPart } from '../../workers/engine/head/scoring-head';
import { learnShopHead } from './shop-head';
import { initNodeBackend } from './tf-node';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

const ITEMS = 40;
/** Titles that say nothing about an item (one shared word, one of its own). */
const items: CatalogueItem[] = Array.from({ length: ITEMS }, (_, i) => ({
  id: `i${i}`,
  title: `thing ${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`,
  category: `c${i % 4}`,
}));
const space = { model: 'lexical', modelRoot: 'public/models', collabDims: 0, collabWeight: 0 };

/**
 * Walkers: each user likes the next item along a ring, one a day, from a random start: what a
 * user takes next is what the others took after the same items (the global score), not what
 * the text or the categories say. `heldOut` decides the user's last events.
 */
function walkers(users: number, heldOut: 'like' | 'dislike'): LogEvent[] {
  const random = seededRandom(5);
  const events: LogEvent[] = [];
  for (let u = 0; u < users; u++) {
    const from = Math.floor(random() * ITEMS);
    const length = 8 + Math.floor(random() * 6);
    for (let n = 0; n < length; n++) {
      const last = n >= length - 3;
      const type = last && heldOut === 'dislike' ? 'dislike' : 'like';
      events.push({ user: `u${u}`, item: `i${(from + n) % ITEMS}`, type, ts: n * 86_400_000 });
    }
  }
  return events;
}

async function learn(events: LogEvent[]) {
  const ids = items.map((item) => item.id);
  const built = buildGlobalModel(ids, events, 10);
  const choice = await learnShopHead(items, events, { ...built.stats, k: 10 }, space);
  return { ids, built, choice };
}

describe('learnShopHead', () => {
  it('learns a starting head from the log when it ranks the held-out items better', async () => {
    const { ids, built, choice } = await learn(walkers(120, 'like'));
    expect(choice.users).toBeGreaterThan(100);
    expect(choice.examples).toBeGreaterThan(choice.users);
    expect(choice.ndcg.learned).toBeGreaterThan(choice.ndcg.builtIn);
    const head = choice.head;
    if (!head) throw new Error('no starting head was kept');
    // It trusts the global score more than the built-in start does (weight 1).
    expect(head.w[7]).toBeGreaterThan(initialParams(8, 7, true).w[7] ?? 0);
    // Shipped in the model file, read back, and where a visitor's head starts.
    const model = { ...built.model, startHead: head };
    const read = decodeModel(encodeModel(model, ids, 10).slice().buffer, ids).model;
    const start = initialParams(8, 7, read);
    expect(start.w).toEqual(Array.from(Float32Array.from(head.w)));
    expect(start.decayRaw).toBeCloseTo(head.decayRaw, 5);
    expect(personalPart(read)).toBe('weights');
    expect(personalPart(built.model)).toBe('all');
  }, 60_000);

  it('keeps the built-in start when the held-out part has nothing to rank better', async () => {
    // Every held-out event is a dislike: no user has a held-out item to find.
    const { choice } = await learn(walkers(60, 'dislike'));
    expect(choice.examples).toBeGreaterThan(0);
    expect(choice.ndcg).toEqual({ builtIn: 0, learned: 0 });
    expect(choice.head).toBeNull();
  }, 60_000);
});
