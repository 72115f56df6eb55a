import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, modelFor, MULTILINGUAL_MODEL } from './models';

describe('modelFor', () => {
  it('uses the English model for English or unlabelled catalogues', () => {
    expect(modelFor(null, {})).toBe(DEFAULT_MODEL);
    expect(modelFor(null, { language: 'en' })).toBe(DEFAULT_MODEL);
    expect(modelFor(null, { language: 'en-GB' })).toBe(DEFAULT_MODEL);
  });

  it('uses the multilingual model for any other language', () => {
    expect(modelFor(null, { language: 'de' })).toBe(MULTILINGUAL_MODEL);
    expect(modelFor(null, { language: 'pt-BR' })).toBe(MULTILINGUAL_MODEL);
    expect(modelFor(null, { language: 'zh' })).toBe(MULTILINGUAL_MODEL);
    expect(modelFor(null, { language: 'zh-Hans-CN' })).toBe(MULTILINGUAL_MODEL);
  });

  it('lets ?model= override, and "lexical" turn the text model off', () => {
    expect(modelFor('private-recs/tiny-bert', { language: 'de' })).toBe('private-recs/tiny-bert');
    expect(modelFor('lexical', { language: 'en' })).toBeNull();
  });
});
