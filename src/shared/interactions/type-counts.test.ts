import { describe, expect, it } from 'vitest';
import { addTypeCounts, countTypes } from './type-counts';

describe('countTypes', () => {
  it('counts each type and leaves out types with none', () => {
    const counts = countTypes([
      { type: 'like' },
      { type: 'view' },
      { type: 'like' },
      { type: 'impression' },
    ]);
    expect(counts).toEqual({ like: 2, view: 1, impression: 1 });
    expect(countTypes([])).toEqual({});
  });

  it('adds to earlier counts without changing them', () => {
    const before = countTypes([{ type: 'purchase' }]);
    const after = addTypeCounts(before, [{ type: 'purchase' }, { type: 'dislike' }]);
    expect(after).toEqual({ purchase: 2, dislike: 1 });
    expect(before).toEqual({ purchase: 1 });
  });
});
