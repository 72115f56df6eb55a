import { expect, type Page } from '@playwright/test';
import type { EngineStatus } from '../../src/shared/engine-api';

export interface Card {
  itemId: string;
  category: string;
  reason: string;
}

/** Page object of the demo shop; setup goes through the typed `window.privateRecs` hook. */
export class Shop {
  constructor(readonly page: Page) {}

  /**
   * Opens the shop. Tests of the recommendation loop pin the built-in lexical encoder, so that a
   * text model installed on a developer's machine cannot change their ranking mid-test.
   */
  async open(query = '', hash = ''): Promise<void> {
    const params = new URLSearchParams(query.replace(/^\?/, ''));
    if (!params.has('model')) params.set('model', 'lexical');
    await this.page.goto(`/?${params.toString()}${hash}`);
    await this.ready();
  }

  /** Waits until the feed has recorded what it shows (the impression count stops changing). */
  async impressionsSettled(): Promise<number> {
    let last = -1;
    for (;;) {
      const count = await this.page.evaluate(
        async () => (await window.privateRecs.internals.status()).impressions,
      );
      if (count === last) return count;
      last = count;
      await this.page.waitForTimeout(300);
    }
  }

  /** Waits until background indexing has ended and returns the engine status. */
  async indexed(): Promise<EngineStatus> {
    const status = await this.page.evaluate(() => window.privateRecs.internals.whenIndexed());
    // The page refreshes its status line on the `indexed` progress event.
    await expect(this.page.getByTestId('status.encoder')).toHaveText(status.encoder.id);
    return status;
  }

  /** The item vectors of the encoder in use. */
  async itemVectors(): Promise<{
    encoder: string;
    device?: string;
    ids: string[];
    dims: number;
    data: number[];
  }> {
    return this.page.evaluate(async () => {
      const v = await window.privateRecs.internals.itemVectors();
      return {
        encoder: v.encoder.id,
        device: v.encoder.device,
        ids: v.ids,
        dims: v.dims,
        data: Array.from(v.data),
      };
    });
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

  /** The engagement history (impressions, recorded by the home feed, are left out). */
  async history(): Promise<{ type: string; itemId: string; ts: number }[]> {
    return this.page.evaluate(async () =>
      (await window.privateRecs.internals.history())
        .filter((event) => event.type !== 'impression')
        .map(({ type, itemId, ts }) => ({ type, itemId, ts })),
    );
  }
}

/** The smallest per-row cosine between two row-major matrices of unit vectors. */
export function minRowCosine(a: readonly number[], b: readonly number[], dims: number): number {
  let min = Infinity;
  for (let r = 0; r * dims < a.length; r++) {
    let dot = 0;
    for (let i = r * dims; i < (r + 1) * dims; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
    min = Math.min(min, dot);
  }
  return min;
}
