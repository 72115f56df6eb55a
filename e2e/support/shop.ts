import { expect, type Page } from '@playwright/test';

export interface Card {
  itemId: string;
  category: string;
  reason: string;
}

/** Page object of the demo shop; setup goes through the typed `window.privateRecs` hook. */
export class Shop {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await this.ready();
  }

  /** Waits until the engine has started and the status line is shown. */
  async ready(): Promise<void> {
    await this.page.waitForFunction(() => typeof window.privateRecs !== 'undefined');
    await this.page.evaluate(() => window.privateRecs.ready());
    await expect(this.page.getByTestId('status.line')).toBeVisible();
  }

  async goHome(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/';
    });
  }

  /** The cards of a recommendation grid, in order, once it has rendered. */
  async cards(testId = 'recs.grid'): Promise<Card[]> {
    const grid = this.page.getByTestId(testId);
    await expect(grid).toHaveAttribute('data-state', 'ready');
    return grid.getByTestId('recs.card').evaluateAll((nodes) =>
      nodes.map((node) => ({
        itemId: node.getAttribute('data-item-id') ?? '',
        category: (node.getAttribute('data-category') ?? '').split('>')[0]?.trim() ?? '',
        reason: node.querySelector('[data-testid="recs.reason"]')?.textContent ?? '',
      })),
    );
  }

  /** Opens an item page through the browse grid's link, as a visitor would. */
  async openItem(itemId: string): Promise<void> {
    await this.page.evaluate((id) => {
      window.location.hash = `#/item/${encodeURIComponent(id)}`;
    }, itemId);
    await expect(this.page.getByTestId('item.page')).toHaveAttribute('data-item-id', itemId);
  }

  async press(action: 'like' | 'dislike' | 'add-to-cart' | 'purchase'): Promise<void> {
    await this.page.getByTestId(`item.${action}-button`).click();
  }

  async interactionCount(): Promise<number> {
    return Number(await this.page.getByTestId('status.interactions').textContent());
  }

  /** Ids of items of one top-level category, read from the catalogue the app loaded. */
  async itemsOfCategory(category: string, count: number): Promise<string[]> {
    return this.page.evaluate(
      async ({ category, count }) => {
        const items = await window.privateRecs.internals.items();
        return items
          .filter(
            (item) => item.category?.split('>')[0]?.trim() === category && item.available !== false,
          )
          .slice(0, count)
          .map((item) => item.id);
      },
      { category, count },
    );
  }

  async history(): Promise<{ type: string; itemId: string; ts: number }[]> {
    return this.page.evaluate(async () =>
      (await window.privateRecs.internals.history()).map(({ type, itemId, ts }) => ({
        type,
        itemId,
        ts,
      })),
    );
  }
}
