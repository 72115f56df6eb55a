import { describe, expect, it } from 'vitest';
import { WEIGHT_DAMAGE } from '../../../test/generators/stored-damage';
import { storedWeightsProblem } from './head-scorer';
import { initialParams } from './scoring-head';

const dims = 32;
const record = () => ({
  key: 'lexical|32|shop',
  params: initialParams(dims),
  trainedOn: 6,
  fingerprint: 'abc',
  savedAt: 1,
});

describe('stored weights checks', () => {
  it('accept intact weights', () => {
    expect(storedWeightsProblem(record(), dims)).toBeNull();
  });

  it.each(WEIGHT_DAMAGE.map((d) => [d.name, d] as const))('catch %s', (_, damage) => {
    const problem = storedWeightsProblem(damage.apply(record()), dims);
    expect(problem).toMatch(/\w/);
    expect(problem).not.toMatch(/undefined|\[object/);
  });
});
