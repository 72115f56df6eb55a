/**
 * Prints the campaign suite's figures as JSON (see scripts/lib/campaign-suite.ts).
 * Run with `npx tsx scripts/campaign-suite.ts`.
 */
import { runCampaignSuite } from './lib/campaign-suite';

const figures = await runCampaignSuite({ visitorsPerTaste: 50, seed: 14 });
console.log(JSON.stringify(figures, null, 2));
