import { describe, expect, it } from 'vitest';
import { history, indexOf } from '../../../test/head-history';
import { headEvents } from './events';

describe('head events', () => {
  it('orders events by time and drops unknown items', () => {
    const events = headEvents(history, indexOf);
    expect(events.map((e) => e.item)).toEqual([0, 1, 2, 1]);
    expect(events.map((e) => Math.sign(e.weight))).toEqual([1, 1, -1, 1]);
  });
});
