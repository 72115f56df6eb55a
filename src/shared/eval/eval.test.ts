import { describe, expect, it } from 'vitest';
import { ItemKnn, topK } from './baselines';
import { curveSvg, LearningCurve } from './curve';
import { byUser, parseLog, ratingEvent } from './log';
import { intraListDiversity, listMetrics, MetricTotals } from './metrics';
import { splitByTime } from './split';

describe('ranking metrics', () => {
  it('scores hits by position', () => {
    const relevant = new Set([7, 9]);
    expect(listMetrics([1, 7, 2, 9], relevant, 4)).toEqual({
      hr: 1,
      ndcg: (1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3)),
      mrr: 0.5,
    });
    expect(listMetrics([7, 9], relevant, 2).ndcg).toBeCloseTo(1);
    expect(listMetrics([1, 2, 3], relevant, 3)).toEqual({ hr: 0, ndcg: 0, mrr: 0 });
    // Only the first K count.
    expect(listMetrics([1, 2, 7], relevant, 2).hr).toBe(0);
  });

  it('measures diversity and coverage', () => {
    const m = { rows: 3, dims: 2, data: Float32Array.from([1, 0, 1, 0, 0, 1]) };
    expect(intraListDiversity([0, 1], m)).toBeCloseTo(0);
    expect(intraListDiversity([0, 2], m)).toBeCloseTo(1);
    const totals = new MetricTotals();
    totals.add([0, 1], { hr: 1, ndcg: 0.5, mrr: 1 }, 0);
    totals.add([1, 2], { hr: 0, ndcg: 0, mrr: 0 }, 1);
    expect(totals.summary(4)).toEqual({
      hr: 0.5,
      ndcg: 0.25,
      mrr: 0.5,
      coverage: 0.75,
      diversity: 0.5,
    });
  });
});

describe('baselines', () => {
  it('takes the top K, skipping excluded items', () => {
    const scores = Float32Array.from([0.1, 0.9, 0.5, 0.7, 0.3]);
    expect(topK(scores, 3, new Set())).toEqual([1, 3, 2]);
    expect(topK(scores, 2, new Set([1]))).toEqual([3, 2]);
    expect(topK(scores, 10, new Set([0, 1, 2, 3]))).toEqual([4]);
  });

  it('item-kNN recommends what people who liked the same items liked', () => {
    // Items 0,1,2 go together; 3,4 go together.
    const users = [
      [0, 1, 2],
      [0, 1],
      [1, 2],
      [3, 4],
      [3, 4],
      [0, 2],
    ];
    const knn = new ItemKnn(5, users, 10);
    const scores = knn.scores([0]);
    expect(topK(scores, 2, new Set([0])).sort()).toEqual([1, 2]);
    expect(scores[3]).toBe(0);
    const truncated = new ItemKnn(5, users, 1).scores([0]);
    expect(Array.from(truncated).filter((s) => s > 0)).toHaveLength(1);
  });
});

describe('interaction log and split', () => {
  it('reads valid lines and names the bad ones', () => {
    const text = [
      '{"user":"u1","item":"a","type":"like","ts":3}',
      'not json',
      '{"user":"u1","item":"b","type":"teleport","ts":1}',
      '{"user":"u2","item":"a","type":"rating","value":4,"ts":2}',
      '',
    ].join('\n');
    const { events, problems } = parseLog(text);
    expect(events).toHaveLength(2);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/line 2/);
    expect(problems[1]).toMatch(/line 3: type/);
    expect(ratingEvent(4)).toBe('like');
    expect(ratingEvent(3.5)).toBe('dislike');
  });

  it('holds out the last 20% of each user in time, at least one', () => {
    const events = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10].map((ts) => ({
      user: 'u',
      item: `i${ts}`,
      type: 'view' as const,
      ts,
    }));
    events.push({ user: 'v', item: 'x', type: 'view', ts: 1 });
    const [u, v] = splitByTime(byUser(events));
    expect(u?.train.map((e) => e.ts)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(u?.test.map((e) => e.ts)).toEqual([9, 10]);
    expect(v?.train).toEqual([]);
    expect(v?.test).toHaveLength(1);
  });
});

describe('learning curve', () => {
  it('averages NDCG per history-length bucket and draws every model', () => {
    const curve = new LearningCurve();
    curve.add('ours', 3, 0.2);
    curve.add('ours', 4, 0.4);
    curve.add('ours', 120, 0.5);
    curve.add('baseline', 3, 0.1);
    const points = curve.points();
    expect(points.ours).toEqual([
      { bucket: '1–4', users: 2, ndcg: expect.closeTo(0.3, 6) as number },
      { bucket: '100–199', users: 1, ndcg: 0.5 },
    ]);
    const svg = curveSvg(points, 'Test <chart>', 10);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Test &#60;chart&#62;');
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('NDCG@10');
  });
});
