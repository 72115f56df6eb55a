import { expect, test, type Page } from '@playwright/test';
import { report } from './support/report';
import {
  expectNothingLeaks,
  expectSameRequests,
  HISTORIES,
  record,
  requestList,
  session,
} from './support/sessions';

test('sessions with rich histories make exactly the requests of one with none', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const lists: string[][] = [];
  const campaigns: (string | null)[] = [];
  // The home page's campaign of each session: the requests must not depend on it either.
  // And the feed's A/B test: the rich sessions' feeds interleave two strategies, the empty one's
  // does not; the requests must not depend on that either.
  const interleaved: boolean[] = [];
  const campaignShown = async (page: Page) => {
    const id = await page.evaluate(async () => (await window.privateRecs.campaign())?.id ?? null);
    if (id !== null) await expect(page.getByTestId('campaign.banner')).toBeVisible();
    campaigns.push(id);
    const test = await page.evaluate(async () => {
      const recs = window.privateRecs;
      // A rich history: three more likes of what the feed shows make the head learn, so the feed
      // interleaves; then a click on a shown item is credited to one of the two strategies.
      if ((await recs.internals.history()).some((event) => event.type !== 'impression')) {
        const shown = (await recs.recommend({ count: 10 })).map((r) => r.itemId);
        for (const itemId of shown.slice(0, 3)) await recs.track({ type: 'like', itemId });
        await recs.internals.whenTrained();
        const again = (await recs.recommend({ count: 10 })).map((r) => r.itemId);
        await recs.track({ type: 'click', itemId: again[0] ?? '' });
      }
      return recs.internals.experiment();
    });
    interleaved.push(test.inUse === 'both' && test.credits.learned + test.credits.profile === 1);
  };
  for (const category of HISTORIES) {
    const context = await browser.newContext();
    const requests = record(context);
    const ids = await session(context, category, undefined, campaignShown);
    expectNothingLeaks(requests, ids, category ?? 'Books', baseURL);
    lists.push(requestList(requests));
    await context.close();
  }
  // Three sessions: each of the three pairs made the same requests, repeats included, though
  // one was shown a campaign and another none.
  expect(campaigns).toContain(null);
  expect(campaigns.some((id) => id !== null)).toBe(true);
  expect(interleaved).toEqual(HISTORIES.map((category) => category !== null));
  expectSameRequests(lists);
  report({
    area: 'network',
    tried: HISTORIES.length,
    kinds: { 'pairs compared': 3, 'requests per session': lists[0]?.length ?? 0 },
    outcome:
      'app: three sessions (two histories of different tastes and none; one shown a campaign, one none; two feeds interleaving strategies, one not) made the same requests, repeats included, all GET without a body, none naming an item or search word',
  });
});
