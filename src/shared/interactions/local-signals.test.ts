import { describe, expect, it } from 'vitest';
import {
  MAX_LOCAL_SIGNALS,
  localWeights,
  parseLocalSignals,
  withPicked,
  withSignal,
  withoutSignal,
} from './local-signals';
import { SIGNAL_HALF_LIFE_MS } from './signals';

describe('local signals', () => {
  it('keeps one entry per kind and text, renewed and moved last, at most the limit', () => {
    let list = withSignal([], 'search', '  coffee   grinder ', 1);
    list = withSignal(list, 'search', 'tea', 2);
    list = withSignal(list, 'search', 'Coffee Grinder', 3);
    expect(list).toEqual([
      { kind: 'search', text: 'tea', ts: 2 },
      { kind: 'search', text: 'Coffee Grinder', ts: 3 },
    ]);
    expect(withSignal(list, 'search', '   ', 4)).toEqual(list);
    for (let i = 0; i < 60; i++) list = withSignal(list, 'search', `q${i}`, 10 + i);
    expect(list).toHaveLength(MAX_LOCAL_SIGNALS);
    expect(list.at(-1)?.text).toBe('q59');
  });

  it('replaces picked interests without touching searches, and deletes one', () => {
    let list = withSignal([], 'search', 'tea', 1);
    list = withPicked(list, ['Cycling', 'Books'], 2);
    list = withPicked(list, ['Pets'], 3);
    expect(list.map((s) => `${s.kind}:${s.text}`)).toEqual(['search:tea', 'picked:Pets']);
    expect(withoutSignal(list, 'picked', 'pets')).toEqual([{ kind: 'search', text: 'tea', ts: 1 }]);
  });

  it('weighs picked interests over searches, halving every half-life', () => {
    const now = 10 * SIGNAL_HALF_LIFE_MS;
    const weights = localWeights(
      [
        { kind: 'picked', text: 'a', ts: now },
        { kind: 'search', text: 'b', ts: now - SIGNAL_HALF_LIFE_MS },
      ],
      now,
    );
    expect(weights).toEqual([
      { text: 'a', weight: 1 },
      { text: 'b', weight: 0.25 },
    ]);
  });

  it('reads back only well-formed entries', () => {
    expect(
      parseLocalSignals([
        { kind: 'search', text: 'ok', ts: 1 },
        { kind: 'spy', text: 'x', ts: 1 },
        { kind: 'search', text: '  ', ts: 1 },
        { kind: 'picked', text: 'y', ts: Number.NaN },
        null,
      ]),
    ).toEqual([{ kind: 'search', text: 'ok', ts: 1 }]);
    expect(parseLocalSignals('nope')).toEqual([]);
  });
});
