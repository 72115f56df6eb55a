import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/shared/random';

const run = promisify(execFile);

/**
 * A small log with planted taste: three genres of 20 items; each user likes items of one
 * genre, in time order. A recommender that learns anything beats popularity by far.
 */
function plantedDataset() {
  const genres = ['jazz records', 'garden tools', 'trail shoes'];
  const items = genres.flatMap((genre, g) =>
    Array.from({ length: 20 }, (_, i) => ({
      id: `g${g}-${i}`,
      title: `${genre} number ${i}`,
      category: genre,
    })),
  );
  const random = seededRandom(11);
  const lines: string[] = [];
  for (let u = 0; u < 90; u++) {
    const genre = u % 3;
    const picks = new Set<number>();
    while (picks.size < 8) picks.add(Math.floor(random() * 20));
    [...picks].forEach((i, k) => {
      const event = {
        user: `u${u}`,
        item: `g${genre}-${i}`,
        type: 'like',
        ts: 1.6e12 + u * 1e6 + k * 1e3,
      };
      lines.push(JSON.stringify(event));
    });
  }
  const catalogue = { schema: 'private-recs/catalogue@1', id: 'planted', items };
  return { catalogue: JSON.stringify(catalogue), log: lines.join('\n') + '\n' };
}

describe('npm run eval', () => {
  it('replays users through the device code and reports every model, ours ahead of popularity', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eval-'));
    const data = plantedDataset();
    await writeFile(join(dir, 'catalogue.json'), data.catalogue);
    await writeFile(join(dir, 'log.jsonl'), data.log);
    const { stdout, stderr } = await run(
      'npx',
      [
        'tsx',
        'scripts/eval.ts',
        '--catalogue',
        join(dir, 'catalogue.json'),
        '--interactions',
        join(dir, 'log.jsonl'),
        '--k',
        '5',
        '--collab-dims',
        '8',
        '--knn',
        '5,10',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stderr).toMatch(/users 90\/90/);
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as {
      k: number;
      users: number;
      items: number;
      models: Record<string, { hr: number; ndcg: number; mrr: number; coverage: number }>;
      ratios: Record<string, number>;
    };
    expect(report).toMatchObject({ k: 5, users: 90, items: 60 });
    for (const name of [
      'on-device',
      'popularity',
      'content',
      'item-knn',
      'ease',
      'profile-fallback',
    ]) {
      const m = report.models[name];
      expect(m, name).toBeDefined();
      for (const value of Object.values(m ?? {})) expect(value).toBeGreaterThanOrEqual(0);
      expect(m?.ndcg).toBeLessThanOrEqual(1);
    }
    const ours = report.models['on-device']?.ndcg ?? 0;
    expect(ours).toBeGreaterThan(1.5 * (report.models.popularity?.ndcg ?? 1));
    expect(report.ratios['on-device/popularity']).toBeCloseTo(
      ours / (report.models.popularity?.ndcg ?? 1),
      6,
    );
    const svg = await readFile(join(dir, 'learning-curve.svg'), 'utf8');
    expect(svg).toContain('<polyline');
  }, 120_000);
});
