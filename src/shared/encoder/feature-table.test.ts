import { describe, expect, it } from 'vitest';
import { fnv1a } from '../hash';
import { FeatureTable } from './feature-table';

describe('FeatureTable', () => {
  it('numbers strings in the order they are added and finds them again', () => {
    const table = new FeatureTable(7);
    expect(table.add('w:', 'coffee')).toBe(0);
    expect(table.add('c:', 'coffee')).toBe(1);
    expect(table.add('w:', 'coffee')).toBe(0);
    expect(table.find('', 'c:coffee')).toBe(1);
    expect(table.find('w:', 'tea')).toBe(-1);
    expect(table.size).toBe(2);
  });

  it('hashes the joined string however it is split', () => {
    const table = new FeatureTable(0x9e3779b9);
    expect(table.hashOf('w:', 'café')).toBe(fnv1a('w:café', 0x9e3779b9));
    table.add('w:c', 'afé');
    expect(table.find('w:caf', 'é')).toBe(0);
    expect(table.hashAt(0)).toBe(fnv1a('w:café', 0x9e3779b9));
  });

  it('keeps every string through many regrowths', () => {
    const table = new FeatureTable(1);
    for (let i = 0; i < 50_000; i++) expect(table.add('w:', `word${i}`)).toBe(i);
    for (let i = 0; i < 50_000; i += 997) expect(table.find('w:', `word${i}`)).toBe(i);
    expect(table.find('w:', 'word50000')).toBe(-1);
    expect(table.find('w:', '')).toBe(-1);
  });
});
