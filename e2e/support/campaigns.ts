import { expect, type Locator, type Page } from '@playwright/test';
import { Shop } from './shop';
import type { WidgetModule } from './widget-shop';

/** Demo campaigns (scripts/catalogue-data/campaigns.ts). */
export const RUNNING = { category: 'Running', id: 'first-10k', title: 'Run Your First 10K' };
export const COFFEE = { category: 'Coffee & Tea', id: 'slow-coffee-week' };

export interface CampaignModule extends WidgetModule {
  campaign(): Promise<{ id: string; why: { kind: string } } | null>;
  dismissCampaign(id: string): Promise<void>;
}

/**
 * Loads the home page until a view shows the campaign that matched (reason "interest"), at
 * most three views: the product explores in a small, seeded share of views, and each view
 * may only ever show the matching campaign or an explored one.
 */
export async function matchingBanner(page: Page, id: string): Promise<Locator> {
  const banner = page.getByTestId('campaign.banner');
  for (let view = 0; view < 3; view++) {
    await page.reload();
    await new Shop(page).ready();
    await expect(banner).toBeVisible();
    const reason = await banner.getAttribute('data-reason');
    if (reason === 'interest') break;
    expect(reason).toBe('explore');
  }
  await expect(banner).toHaveAttribute('data-reason', 'interest');
  await expect(banner).toHaveAttribute('data-campaign-id', id);
  return banner;
}

/** A `<private-recs mode="campaign">` added to the page; resolves once it has settled. */
export async function addCampaignElement(page: Page, isolated: boolean): Promise<Locator> {
  await page.evaluate((isolated) => {
    const element = document.createElement('private-recs');
    element.id = `campaign-${String(document.querySelectorAll('private-recs').length)}`;
    element.setAttribute('catalogue', '../catalogue.json');
    element.setAttribute('mode', 'campaign');
    element.setAttribute('count', '3');
    if (isolated) element.setAttribute('isolated', '');
    document.querySelector('main')?.prepend(element);
  }, isolated);
  // The newest is first in the page.
  const element = page.locator('private-recs[mode="campaign"]').first();
  await expect(element).toHaveAttribute('data-state', /^(ready|empty)$/, { timeout: 60_000 });
  return element;
}

/** The title a campaign element shows in its shadow root ('' for none). */
export const shownTitle = (root: Locator) =>
  root.evaluate((el) => el.shadowRoot?.querySelector('.title')?.textContent ?? '');
