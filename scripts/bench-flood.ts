/**
 * Event-flood benchmark in Debian's Chromium (issue 16's targets), printing one JSON object (last
 * line) and writing it to docs/benchmarks/flood.json: 10,000 un-awaited track() calls from the
 * page — how long until all are stored, how long a like sent during the flood takes to be
 * answered, and recommend() after the flood as a ratio to recommend() before it (same page, same
 * run).
 *
 *   npm run bench:flood        (builds the app first; about a minute)
 */
import { writeFileSync } from 'node:fs';
import { build, preview } from 'vite';
import { launchChromium, log, machine } from './lib/bench-browser';

const EVENTS = 10_000;
const PORT = 4192;

await build({ logLevel: 'warn' });
const app = await preview({ preview: { port: PORT, strictPort: true }, logLevel: 'warn' });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  // The privacy page: the feed would record impressions of its own meanwhile.
  await page.goto(`http://localhost:${PORT}/?model=lexical&backend=wasm#/privacy`);
  await page.waitForFunction(() => 'privateRecs' in window);
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('globalThis.__name = (fn) => fn');
  log(`flood of ${EVENTS} events`);
  const figures = await page.evaluate(async (events) => {
    const recs = window.privateRecs;
    await recs.ready();
    const ids = (await recs.internals.items()).map((item) => item.id);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
    const timeRecommend = async () => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        await recs.recommend({ count: 12 });
        times.push(performance.now() - start);
      }
      return median(times);
    };
    // A little history first, so that recommend() does real work before and after.
    for (const id of ids.slice(0, 5)) await recs.track({ type: 'like', itemId: id });
    await recs.internals.whenTrained();
    const idle = await timeRecommend();
    const start = performance.now();
    const calls: Promise<void>[] = [];
    let likeAnswered: Promise<number> = Promise.resolve(NaN);
    for (let i = 0; i < events; i++) {
      calls.push(recs.track({ type: 'view', itemId: ids[i % ids.length] ?? '' }));
      if (i === events / 10) {
        const sent = performance.now();
        likeAnswered = recs
          .track({ type: 'like', itemId: ids[7] ?? '' })
          .then(() => performance.now() - sent);
      }
    }
    await Promise.all(calls);
    const stored = performance.now() - start;
    const like = await likeAnswered;
    const status = await recs.internals.status();
    const after = await timeRecommend();
    await recs.internals.whenTrained();
    const afterTraining = await timeRecommend();
    return {
      events,
      interactionsStored: status.interactions,
      allStoredMs: Math.round(stored),
      likeDuringFloodMs: Math.round(like),
      recommendIdleMs: Math.round(idle * 10) / 10,
      recommendAfterFloodMs: Math.round(after * 10) / 10,
      recommendAfterTrainingMs: Math.round(afterTraining * 10) / 10,
      ratioAfterToIdle: Math.round((after / idle) * 100) / 100,
    };
  }, EVENTS);
  const result = {
    benchmark: 'flood',
    date: new Date().toISOString(),
    machine: machine(),
    backend: 'wasm',
    encoder: 'lexical',
    targets: {
      allStoredMs: '≤ 10000',
      likeDuringFloodMs: '≤ 1000',
      ratioAfterToIdle: '≤ 2',
    },
    ...figures,
  };
  writeFileSync('docs/benchmarks/flood.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await app.close();
}
