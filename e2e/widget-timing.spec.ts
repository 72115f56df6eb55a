import { expect, test, type Page } from '@playwright/test';
import { report } from './support/report';
import {
  HOSTS,
  isolatedFrame,
  widgetFromOtherOrigin,
  WidgetShop,
  type WidgetModule,
} from './support/widget-shop';

interface Timed {
  ready: number;
  importData: number;
}

/**
 * What a host script can time, ready() and a one-line importData(), as the 10th percentile of 31
 * calls: the other test worker's load only ever adds time, so the fast calls show the work done.
 * (Medians were moved by that load by 10 ms in CI, either way.) The calls are spread over about
 * 1.5 s: back to back they took 0.3 s, and one burst of the other worker's load covered all of
 * them in CI (13.5 against 8.4 ms, where a quiet machine gives 8.5–10 against 10–11); a cost
 * that grew with the history would still be in every call, the fastest included.
 */
function timeAnswers(page: Page, url: string): Promise<Timed> {
  return page.evaluate(async (widgetUrl) => {
    const widget = (await import(widgetUrl)) as WidgetModule & {
      importData(data: Blob): Promise<unknown>;
    };
    const fast = async (call: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 31; i++) {
        const start = performance.now();
        await call();
        times.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return times.sort((a, b) => a - b)[3] ?? NaN;
    };
    const line = JSON.stringify({ user: 'me', item: 'sku-0001', type: 'view', ts: 1.7e12 });
    return {
      ready: await fast(() => widget.ready()),
      importData: await fast(() => widget.importData(new Blob([line]))),
    };
  }, url);
}

test('isolated mode: answers the host can time do not depend on the stored history', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await widgetFromOtherOrigin(page);
  const shop = new WidgetShop(page, HOSTS.shop);
  await shop.open('isolated.html');
  // Measured once start-up work has settled (the text model attempt), in both states alike.
  const frame = await isolatedFrame(shop.strip('picks'));
  const settled = () =>
    expect(frame.locator('private-recs')).toHaveAttribute('data-encoder', /\S/, {
      timeout: 60_000,
    });
  await settled();
  const empty = await timeAnswers(page, shop.widgetUrl);

  // 20,000 stored events, written from inside the frame (its origin holds the history).
  // Impressions: they are stored rows like any other but start no training, whose CPU use
  // would be a different signal from the one under test (reading the rows).
  await frame.evaluate(async () => {
    const widget = (await import(new URL('widget.js', location.href).href)) as {
      importData(data: Blob): Promise<unknown>;
      exportData(): Promise<Blob>;
    };
    const catalogue = (await (await fetch('/catalogue.json')).json()) as {
      items: { id: string }[];
    };
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({
        user: 'me',
        item: catalogue.items[i % catalogue.items.length]?.id,
        type: 'impression',
        ts: 1.7e12 + i,
      }),
    );
    await widget.importData(new Blob([lines.join('\n')]));
    // The frame acknowledges imports before the work: wait until all are stored.
    for (;;) {
      const stored = (await (await widget.exportData()).text()).split('\n').length;
      if (stored > 20_000) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  await settled();
  const full = await timeAnswers(page, shop.widgetUrl);
  const figures = JSON.stringify({ empty, full });
  expect(Math.abs(full.ready - empty.ready), figures).toBeLessThan(5);
  expect(Math.abs(full.importData - empty.importData), figures).toBeLessThan(5);
  report({
    area: 'Isolated widget timing: ready() and a one-line importData() with 0 and 20,000 stored events',
    tried: 60,
    outcome: `10th percentiles ${empty.ready.toFixed(1)} vs ${full.ready.toFixed(1)} ms (ready), ${empty.importData.toFixed(1)} vs ${full.importData.toFixed(1)} ms (import)`,
  });
});
