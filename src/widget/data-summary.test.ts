import { describe, expect, it } from 'vitest';
import type { LearningState } from '../shared/engine-api';
import { PANEL_TYPES, exportFileName, summarize } from './data-summary';

const learning = (state: LearningState['state']): LearningState => ({
  state,
  backend: 'cpu',
  trainedOn: 0,
  last: null,
});

describe('summarize', () => {
  it('lists every engagement type, zeros included, and keeps impressions apart', () => {
    const summary = summarize({
      interactions: 5,
      impressions: 7,
      byType: { like: 3, view: 2, impression: 7 },
      learning: learning('idle'),
      notices: [],
    });
    expect(summary.rows.map((row) => row.type)).toEqual([...PANEL_TYPES]);
    expect(Object.fromEntries(summary.rows.map((row) => [row.type, row.count]))).toEqual({
      view: 2,
      click: 0,
      add_to_cart: 0,
      purchase: 0,
      like: 3,
      dislike: 0,
      rating: 0,
    });
    expect(summary).toMatchObject({ interactions: 5, impressions: 7, memoryOnly: false });
    expect(summary.paused).toBe(false);
  });

  it('says when learning is paused and when storage is memory only', () => {
    const summary = summarize({
      interactions: 0,
      impressions: 0,
      byType: {},
      learning: learning('paused'),
      notices: [{ code: 'storage-memory', level: 'warning', message: '…' }],
    });
    expect(summary.paused).toBe(true);
    expect(summary.memoryOnly).toBe(true);
    expect(summary.rows.every((row) => row.count === 0)).toBe(true);
  });
});

describe('exportFileName', () => {
  it('names the file by the day, as the app does', () => {
    expect(exportFileName(new Date(Date.UTC(2026, 10, 22, 23, 59)))).toBe(
      'private-recs-2026-11-22.jsonl',
    );
  });
});
