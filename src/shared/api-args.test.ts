import { describe, expect, it } from 'vitest';
import {
  API_LIMITS,
  checkCampaignId,
  checkCampaignOptions,
  checkCatalogueUrl,
  checkImportData,
  checkRecommendOptions,
  checkTrackEvent,
} from './api-args';
import { errorCode } from './errors';
import { messageProblems } from '../../test/generators/plain-message';

const now = Date.UTC(2026, 10, 22, 12);
const hour = 3_600_000;

/** The code and message of what `call` throws. */
function refusal(call: () => unknown): { code: string | undefined; message: string } {
  try {
    call();
  } catch (error) {
    return { code: errorCode(error), message: (error as Error).message };
  }
  throw new Error('expected a refusal');
}

describe('checkTrackEvent', () => {
  it('stamps a valid event and copies only its known fields', () => {
    const event = { type: 'like', itemId: 'sku-1', extra: () => 1, node: { deep: true } };
    expect(checkTrackEvent(event, now)).toEqual({ type: 'like', itemId: 'sku-1', ts: now });
    const rated = { type: 'rating', itemId: 'a', value: 4, ts: now - hour };
    expect(checkTrackEvent(rated, now)).toEqual(rated);
  });

  it.each([
    [
      'null',
      null,
      /track\(\) takes one object such as \{ type: 'view', itemId: 'sku-1' \}.*not null/,
    ],
    ['a string', 'view', /not a string/],
    ['a list', [], /not a list/],
    ['a function as the type', { type: () => 'like', itemId: 'a' }, /"type" must be one of/],
    ['a function as the id', { type: 'like', itemId: () => 'a' }, /"itemId" must be an item id/],
    ['an ill-formed id', { type: 'like', itemId: '\ud800' }, /not well-formed Unicode/],
    [
      'a like 23 h ahead',
      { type: 'like', itemId: 'a', ts: now + 23 * hour },
      /lies in the future.*Date\.now\(\)/,
    ],
    ['NaN as the time', { type: 'like', itemId: 'a', ts: NaN }, /"ts"/],
  ])('refuses %s with event-invalid and a plain message', (_, input, says) => {
    const { code, message } = refusal(() => checkTrackEvent(input, now));
    expect(code).toBe('event-invalid');
    expect(message).toMatch(says);
    expect(message).toMatch(/^This event was not recorded: /);
    expect(messageProblems(message)).toEqual([]);
  });

  it('allows a few minutes of clock slack, not more', () => {
    const slack = API_LIMITS.trackFutureMs;
    expect(checkTrackEvent({ type: 'view', itemId: 'a', ts: now + slack }, now).ts).toBe(
      now + slack,
    );
    expect(() =>
      checkTrackEvent({ type: 'view', itemId: 'a', ts: now + slack + 1 }, now),
    ).toThrow();
  });
});

describe('checkRecommendOptions', () => {
  it('passes known options on and drops the rest', () => {
    expect(checkRecommendOptions(undefined)).toEqual({});
    const options = { count: 8, query: 'tea', contextItemId: 'sku-1', onDone: () => 1 };
    expect(checkRecommendOptions(options)).toEqual({
      count: 8,
      query: 'tea',
      contextItemId: 'sku-1',
    });
    expect(checkRecommendOptions({ count: 1 })).toEqual({ count: 1 });
    expect(checkRecommendOptions({ count: 200 })).toEqual({ count: 200 });
  });

  it.each([
    ['null', null, /takes an optional object \{ count\?, query\?, contextItemId\? \}, not null/],
    ['a number', 5, /not a number/],
    ['count 0', { count: 0 }, /"count" to be a whole number from 1 to 200, not 0/],
    ['count -1', { count: -1 }, /not -1/],
    ['count NaN', { count: NaN }, /not NaN/],
    ['count 1e9', { count: 1e9 }, /not 1000000000/],
    ['count 2.5', { count: 2.5 }, /not 2.5/],
    ['count as text', { count: '5' }, /not a string/],
    ['a numeric query', { query: 42 }, /"query" to be text, not a number/],
    ['a huge query', { query: 'x'.repeat(1_001) }, /at most 1000 characters/],
    ['an ill-formed query', { query: 'tea\udc00' }, /not well-formed Unicode/],
    ['an empty context id', { contextItemId: '' }, /"contextItemId" to be an item id/],
    ['a context object', { contextItemId: { id: 'a' } }, /not an object/],
  ])('refuses %s with argument-invalid', (_, input, says) => {
    const { code, message } = refusal(() => checkRecommendOptions(input));
    expect(code).toBe('argument-invalid');
    expect(message).toMatch(/^No recommendations were made: recommend\(\) /);
    expect(message).toMatch(says);
    expect(messageProblems(message)).toEqual([]);
  });
});

describe('checkImportData and checkCatalogueUrl', () => {
  it('accept a Blob and text, refuse anything else in plain words', () => {
    expect(() => {
      checkImportData(new Blob(['{}']));
    }).not.toThrow();
    for (const bad of [null, '{"settings":{}}', { size: 2 }, 42]) {
      const { code, message } = refusal(() => {
        checkImportData(bad);
      });
      expect(code).toBe('import-invalid');
      expect(message).toMatch(/importData\(\) takes a Blob or File of JSON Lines/);
      expect(message).toMatch(/Your history is unchanged\.$/);
    }
    expect(() => {
      checkCatalogueUrl(undefined);
    }).not.toThrow();
    expect(() => {
      checkCatalogueUrl('next.json');
    }).not.toThrow();
    expect(
      refusal(() => {
        checkCatalogueUrl(42);
      }),
    ).toMatchObject({ code: 'argument-invalid' });
  });
});

describe('campaign arguments', () => {
  it('pass a valid call on with only its known fields', () => {
    expect(checkCampaignOptions(undefined)).toEqual({});
    expect(checkCampaignOptions({})).toEqual({});
    expect(checkCampaignOptions({ items: 4, extra: () => 1 })).toEqual({ items: 4 });
    expect(checkCampaignOptions({ items: API_LIMITS.campaignItems.max })).toEqual({ items: 12 });
    expect(checkCampaignId('spring-sale')).toBe('spring-sale');
  });

  it.each([
    ['null', null, /campaign\(\) takes an optional object \{ items\? \}, not null/],
    ['a number', 3, /not a number/],
    ['too many items', { items: 13 }, /"items" to be a whole number from 0 to 12, not 13/],
    ['negative items', { items: -1 }, /not -1/],
    ['fractional items', { items: 2.5 }, /not 2\.5/],
    ['items as text', { items: '4' }, /not (a string|text)/],
  ])('refuse campaign options that are %s', (_, input, says) => {
    const { code, message } = refusal(() => checkCampaignOptions(input));
    expect(code).toBe('argument-invalid');
    expect(message).toMatch(says);
    expect(messageProblems(message)).toEqual([]);
  });

  it.each([
    ['a number', 42, /not a number/],
    ['empty', '', /text of 0 characters/],
    ['too long', 'x'.repeat(API_LIMITS.idLength + 1), /text of 201 characters/],
    ['a lone surrogate', '\ud800', /campaign id; this one/],
  ])('refuse a campaign id that is %s', (_, id, says) => {
    const { code, message } = refusal(() => checkCampaignId(id));
    expect(code).toBe('argument-invalid');
    expect(message).toMatch(says);
    expect(messageProblems(message)).toEqual([]);
  });
});
