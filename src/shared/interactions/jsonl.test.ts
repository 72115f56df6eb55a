import { describe, expect, it } from 'vitest';
import { parseJsonl, toJsonl } from './jsonl';
import type { Interaction } from './types';

const now = Date.UTC(2026, 10, 22);
const history: Interaction[] = [
  { type: 'view', itemId: 'a', ts: now - 5000 },
  { type: 'rating', itemId: 'b', ts: now - 4000, value: 4.5 },
];

describe('JSON Lines import and export', () => {
  it('round-trips history and settings', () => {
    const parsed = parseJsonl(toJsonl(history, { learningPaused: true }), now);
    expect(parsed.interactions).toEqual(history);
    expect(parsed.settings).toEqual({ learningPaused: true });
    expect(parsed.rejected).toBe(0);
  });

  it('writes the interaction log contract', () => {
    const line = toJsonl(history, {}).split('\n')[1] ?? '';
    expect(JSON.parse(line)).toEqual({ user: 'me', item: 'a', type: 'view', ts: now - 5000 });
  });

  it('counts and describes each bad line, keeping the good ones', () => {
    const text = [
      '{"user":"u","item":"a","type":"view","ts":' + String(now - 1) + '}',
      '{"user":"u","item":"a","type":"teleport","ts":1}',
      'not json',
      '[1]',
      '{"user":"u","type":"like","ts":' + String(now) + '}',
      '{"user":"u","item":"a","type":"rating","ts":' + String(now) + '}',
      '{"user":"u","item":"a","type":"view"}',
    ].join('\n');
    const parsed = parseJsonl(text, now);
    expect(parsed.interactions).toHaveLength(1);
    expect(parsed.rejected).toBe(6);
    expect(parsed.problems[0]).toMatch(/^line 2: "type"/);
    expect(parsed.problems[1]).toBe('line 3: not valid JSON');
    expect(parsed.problems[3]).toMatch(/^line 5: "item"/);
    // The first five rejected lines by number, for a page that words them in its language.
    expect(parsed.lines).toEqual([2, 3, 4, 5, 6]);
  });

  it('names no bad lines in a file that is one JSON document (what is wrong is the whole file)', () => {
    const parsed = parseJsonl(JSON.stringify([{ item: 'a', type: 'view' }], null, 2), Date.now());
    expect(parsed.rejected).toBeGreaterThan(0);
    expect(parsed.problems[0]).toMatch(/one JSON document/);
    expect(parsed.lines).toEqual([]);
  });
});
