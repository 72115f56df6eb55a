import { describe, expect, it } from 'vitest';
import { runCampaignSuite } from './lib/campaign-suite';

describe('campaign suite on the demo catalogue (lexical encoder)', () => {
  it('shows visitors with a known taste the campaign for it at least 90 % of the time', async () => {
    const figures = await runCampaignSuite({ visitorsPerTaste: 30, seed: 7 });
    console.log(JSON.stringify(figures));
    expect(figures.campaigns).toBeGreaterThanOrEqual(8);
    expect(figures.topMatch).toBeGreaterThanOrEqual(0.9);
    expect(figures.served).toBeGreaterThanOrEqual(0.9);
    // Exploration is real: some views show another campaign.
    expect(figures.served).toBeLessThan(1);
    // Tastes no campaign is about mostly get none rather than a poor fit.
    expect(figures.controlsWithNone / figures.controls).toBeGreaterThanOrEqual(0.8);
  });
});
