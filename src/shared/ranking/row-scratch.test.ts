import { describe, expect, it } from 'vitest';
import { borrowRows, returnRows } from './row-scratch';

describe('row scratch', () => {
  it('lends an array back zeroed at the rows written, and reuses it', () => {
    const first = borrowRows(1_000);
    first[3] = 1;
    first[999] = -2;
    returnRows(first, Int32Array.from([3, 999]));
    const second = borrowRows(1_000);
    expect(second).toBe(first);
    expect(second.every((value) => value === 0)).toBe(true);
    second.fill(5);
    returnRows(second, undefined);
    expect(borrowRows(1_000).every((value) => value === 0)).toBe(true);
  });

  it('never lends one array twice at once, and makes one of another length anew', () => {
    const a = borrowRows(500);
    const b = borrowRows(500);
    expect(b).not.toBe(a);
    const c = borrowRows(700);
    expect(c.length).toBe(700);
    returnRows(a, undefined);
    returnRows(b, undefined);
    returnRows(c, undefined);
  });
});
