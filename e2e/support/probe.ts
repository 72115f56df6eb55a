import { expect, type Page } from '@playwright/test';
import { HOSTS, isolatedFrame } from './widget-shop';

/** What a host script sees of an isolated probe strip: its states, message and height. */
export async function probeIsolated(
  page: Page,
  itemId: string,
  style = '',
): Promise<{ states: string[]; height: string }> {
  const catalogue = {
    schema: 'private-recs/catalogue@1',
    id: 'probe',
    items: [{ id: itemId, title: 'Probe', category: 'Probe' }],
  };
  await page.route(`${HOSTS.shop}/probe.json`, (route) => route.fulfill({ json: catalogue }));
  await page.evaluate((style) => {
    const element = document.createElement('private-recs');
    element.id = 'probe';
    // Theme properties (the font among them) are copied into the frame when it starts.
    element.setAttribute('style', style);
    const states: string[] = [];
    (window as unknown as { probeStates: string[] }).probeStates = states;
    new MutationObserver(() => {
      states.push(`${element.dataset.state ?? ''}|${element.dataset.message ?? ''}`);
    }).observe(element, { attributes: true });
    element.setAttribute('isolated', '');
    element.setAttribute('count', '1');
    element.setAttribute('catalogue', '/probe.json');
    document.body.append(element);
  }, style);
  const strip = page.locator('#probe');
  // Chromium does not lay out a cross-origin frame out of view, so it reports no height there.
  await strip.scrollIntoViewIfNeeded();
  const frame = await isolatedFrame(strip);
  // The engine has settled (its text-model attempt ended): slow on a busy machine.
  await expect(frame.locator('private-recs')).toHaveAttribute('data-encoder', /\S/, {
    timeout: 60_000,
  });
  await expect(strip).toHaveAttribute('data-state', 'ready');
  // The host has applied the frame's final height (the one its body has now).
  const body = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await expect(strip.locator('iframe')).toHaveCSS('height', `${body}px`);
  const height = `${body}px`;
  const states = await page.evaluate(
    () => (window as unknown as { probeStates: string[] }).probeStates,
  );
  return { states: [...new Set(states)], height };
}
