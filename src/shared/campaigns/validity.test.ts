import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../catalogue/parse';
import { readCampaignState, withDismissal, MAX_DISMISSED, emptyCampaignState } from './capping';
import { isActive } from './validity';

const withCampaign = (campaign: Record<string, unknown>) =>
  JSON.stringify({
    schema: 'private-recs/catalogue@1',
    id: 'shop',
    items: [{ id: 'a', title: 'A' }],
    campaigns: [{ id: 'c', title: 'Sale', ...campaign }],
  });
const refusal = (campaign: Record<string, unknown>) => {
  try {
    parseCatalogue(withCampaign(campaign));
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('campaign validity dates', () => {
  it('accepts dates and date-times with a time zone, and keeps them', () => {
    const ok = { starts: '2026-12-01', ends: '2026-12-24T18:00:00+01:00' };
    expect(parseCatalogue(withCampaign(ok)).campaigns?.[0]).toMatchObject(ok);
    expect(refusal({ starts: '2026-12-01', ends: '2026-12-01' })).toBeNull();
  });

  it('refuses malformed bounds and an end that is not after the start, naming the field', () => {
    expect(refusal({ starts: '2026-02-30' })).toMatch(/"campaigns.0.starts" must be an ISO 8601/);
    expect(refusal({ ends: '2026-12-01T10:00:00' })).toMatch(/"campaigns.0.ends" must be an ISO/);
    expect(refusal({ ends: '1 Dec 2026' })).toMatch(/"campaigns.0.ends" must be an ISO/);
    expect(refusal({ starts: '2026-12-02', ends: '2026-12-01' })).toMatch(
      /"campaigns.0.ends" must be after "starts"/,
    );
    expect(refusal({ starts: '2026-12-01T10:00:00Z', ends: '2026-12-01T11:00:00+01:00' })).toMatch(
      /must be after "starts"/,
    );
  });

  it('treats a missing bound as open on that side', () => {
    expect(isActive({}, 0)).toBe(true);
    expect(isActive({ ends: '2026-12-01' }, Date.parse('2026-12-01T23:00:00Z'))).toBe(true);
    expect(isActive({ starts: '2026-12-01' }, Date.parse('2026-11-30T23:59:59Z'))).toBe(false);
  });
});

describe('stored campaign state', () => {
  it('reads damaged values as nothing stored, and keeps at most the latest dismissals', () => {
    expect(readCampaignState('junk', '2026-12-10')).toEqual(emptyCampaignState('2026-12-10'));
    const damaged = {
      dismissed: ['a', 5, null],
      day: '2026-12-10',
      shown: [
        ['a', 'x'],
        ['b', 2],
      ],
    };
    expect(readCampaignState(damaged, '2026-12-10')).toEqual({
      dismissed: ['a'],
      day: '2026-12-10',
      shown: [['b', 2]],
    });
    let state = emptyCampaignState('d');
    for (let i = 0; i <= MAX_DISMISSED; i++) state = withDismissal(state, `c${i}`);
    expect(state.dismissed).toHaveLength(MAX_DISMISSED);
    expect(state.dismissed[0]).toBe('c1');
  });
});
