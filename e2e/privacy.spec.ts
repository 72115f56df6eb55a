import { expect, test } from '@playwright/test';
import { report } from './support/report';
import { expectNothingLeaks, record, requestList, session } from './support/sessions';

test('a session with a rich history makes exactly the requests of one with none', async ({
  browser,
  baseURL,
}) => {
  const rich = await browser.newContext();
  const empty = await browser.newContext();
  const a = record(rich);
  const b = record(empty);
  const ids = await session(rich, 'Books');
  await session(empty, null);
  expect(ids).toHaveLength(4);
  for (const requests of [a, b]) expectNothingLeaks(requests, ids, 'Books', baseURL);
  expect(requestList(a)).toEqual(requestList(b));
  report({
    area: 'network',
    tried: 2,
    kinds: { 'requests compared': a.length },
    outcome: 'app: the same requests, all GET without a body, none naming an item or search word',
  });
  await Promise.all([rich.close(), empty.close()]);
});
