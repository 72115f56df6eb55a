import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, fillMarkers, renderDoc, SECTIONS, type Report } from './eval-docs';

const report = (dataset: string, ndcg: number): Report => ({
  dataset,
  k: 10,
  users: 3,
  items: 4,
  skippedUsers: 0,
  encoder: 'lexical',
  backend: 'wasm',
  seconds: 1,
  models: {
    'on-device': { hr: 0.5, ndcg, mrr: 0.2, coverage: 0.3, diversity: 0.4 },
    'item-knn': { hr: 0.5, ndcg: 0.2, mrr: 0.2, coverage: 0.3, diversity: 0.4 },
    'fine-tuned': { hr: 0.5, ndcg: 0.4, mrr: 0.2, coverage: 0.3, diversity: 0.4 },
    ...(dataset === 'toy-a'
      ? { 'fine-tuned (replay)': { hr: 0.5, ndcg: 0.38, mrr: 0.2, coverage: 0.3, diversity: 0.4 } }
      : {}),
  },
  ratios: { 'on-device/item-knn': ndcg / 0.2, 'fine-tuned/item-knn': 2 },
  itemKnn: { neighbours: 20 },
  collaborative: null,
  replay:
    dataset === 'toy-a'
      ? {
          users: 2,
          ndcg: 0.38,
          fullNdcg: 0.4,
          ratio: 0.95,
          runs: { full: 3, incremental: 9 },
          seconds: 4,
        }
      : null,
});

describe('eval:docs', () => {
  it('replaces only the text between a pair of markers', () => {
    const doc = 'before\n<!-- x:start -->\nold\n<!-- x:end -->\nafter\n';
    expect(fillMarkers(doc, 'x', 'new')).toBe(
      'before\n<!-- x:start -->\n\nnew\n\n<!-- x:end -->\nafter\n',
    );
  });

  it('names the markers a document lacks', () => {
    expect(() => fillMarkers('no markers', 'results', '', 'docs/x.md')).toThrow(
      'docs/x.md needs <!-- results:start --> and <!-- results:end --> markers',
    );
  });

  it('renders the summary and the full tables from the reports', () => {
    const doc = SECTIONS.map((name) => `<!-- ${name}:start -->\n<!-- ${name}:end -->`).join('\n');
    const out = renderDoc(doc, [report('toy-a', 0.3), report('toy-b', 0.1)]);
    const summary = out.slice(0, out.indexOf('<!-- eval-headline:end -->'));
    expect(summary).toContain('| toy-a (3 users) | 0.4000 | 0.3800 | — | 0.3000 |');
    expect(summary).toContain('| toy-b (3 users) | 0.4000 | — | — | 0.1000 |');
    expect(summary).toMatch(/\| toy-a \(3 users\) .*\| — \| 2\.00× \| 0\.950× \(2 users\) \|/);
    expect(summary).toMatch(/\| toy-b \(3 users\) .*\| 2\.00× \| — \|/);
    expect(out).toContain('**toy-a** — 3 users evaluated');
    expect(out).toContain('| on-device | 0.3000 | 0.5000 |');
    expect(out).toContain('| fine-tuned (replay) | 0.3800 |');
    expect(out).toContain(
      'Incremental replay (`fine-tuned (replay)`) on the first 2 users: 3 full and 9 incremental runs in 4 s; NDCG@10 0.3800 against 0.4000 with full training on the same users (0.950×).',
    );
    expect(out).toContain('No incremental replay in this run (`--replay-users 0`).');
    expect(out).toMatch(/\| item-knn \| 0\.2000 .*\| 1\.50× \| 2\.00× \|/);
  });

  // The sections moved from the README to docs/evaluation.md; the README links the page.
  it('writes into docs/evaluation.md, which has every marker, and never into the README', () => {
    expect(DOC).toBe('docs/evaluation.md');
    const doc = readFileSync(DOC, 'utf8');
    for (const name of SECTIONS) {
      expect(doc).toContain(`<!-- ${name}:start -->`);
      expect(doc).toContain(`<!-- ${name}:end -->`);
    }
    expect(readFileSync('README.md', 'utf8')).not.toMatch(/<!-- [\w-]+:start -->/);
    expect(readFileSync('README.md', 'utf8')).toContain('(docs/evaluation.md)');
  });
});
