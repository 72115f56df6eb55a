import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { PORT } from './browser';

/** What the tests use of the published module (`dist/widget.js`). */
export interface WidgetModule {
  ready(): Promise<{ backend: string; encoder: string; items: number; interactions: number }>;
  track(event: { type: string; itemId: string; ts?: number }): Promise<void>;
  recommend(options?: { count?: number }): Promise<{ itemId: string; reason: string }[]>;
  exportData(): Promise<Blob>;
  forget(): Promise<void>;
}

export interface WidgetCard {
  itemId: string;
  category: string;
  reason: string;
}

/** The build's two names: a shop page on one origin, the widget served from the other. */
export const HOSTS = {
  shop: `http://127.0.0.1:${PORT}`,
  widget: `http://localhost:${PORT}`,
} as const;

/**
 * Serves this page's `widget.js` from the other host name (another origin, as a CDN would be),
 * by redirecting the request; the module, its chunks and its worker then load from there.
 */
export async function widgetFromOtherOrigin(page: Page): Promise<void> {
  await page.route(`${HOSTS.shop}/widget.js`, (route) =>
    route.fulfill({ status: 302, headers: { location: `${HOSTS.widget}/widget.js` } }),
  );
}

/** Page object of the example shop (`public/example-shop/`), which uses only the widget. */
export class WidgetShop {
  constructor(
    readonly page: Page,
    readonly origin: string = HOSTS.widget,
  ) {}

  get widgetUrl(): string {
    return `${this.origin}/widget.js`;
  }

  /** Opens a page of the example shop and waits for its main strip. */
  async open(file = 'index.html', hash = ''): Promise<void> {
    await this.page.goto(`${this.origin}/example-shop/${file}${hash}`);
    await expect(this.strip('picks')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  }

  strip(id: 'picks' | 'related'): Locator {
    return this.page.locator(`private-recs#${id}`);
  }

  /** The cards of a strip rendered in this page's shadow DOM, in order. */
  async cards(id: 'picks' | 'related' = 'picks'): Promise<WidgetCard[]> {
    return readCards(this.strip(id));
  }

  /** Calls the published module's track() from the shop page, as the shop's own code does. */
  async track(type: string, itemIds: readonly string[]): Promise<void> {
    await this.page.evaluate(
      async ({ url, type, itemIds }) => {
        const widget = (await import(url)) as WidgetModule;
        for (const itemId of itemIds) await widget.track({ type, itemId });
      },
      { url: this.widgetUrl, type, itemIds },
    );
  }

  /** Items of one top-level category, from the shop's catalogue. */
  async itemsOfCategory(category: string, count: number): Promise<string[]> {
    return this.page.evaluate(
      async ({ url, category, count }) => {
        const response = await fetch(url);
        const catalogue = (await response.json()) as {
          items: { id: string; category?: string; available?: boolean }[];
        };
        return catalogue.items
          .filter((i) => i.category?.split('>')[0]?.trim() === category && i.available !== false)
          .slice(0, count)
          .map((i) => i.id);
      },
      { url: `${this.origin}/catalogue.json`, category, count },
    );
  }

  /**
   * Likes five items of a category absent from `strip` (so a shift cannot come from the prior),
   * through the module's track() as the shop's code would, and waits until at least four of the
   * strip's cards are of that category. Returns the liked ids.
   */
  async learnsFromLikes(strip: Locator = this.strip('picks')): Promise<string[]> {
    const shown = new Set((await readCards(strip)).map((card) => card.category));
    const target = (await this.categories()).find((name) => name && !shown.has(name));
    if (!target) throw new Error('Every category is on show.');
    const liked = await this.itemsOfCategory(target, 5);
    await this.track('like', liked);
    await expect
      .poll(async () => (await readCards(strip)).filter((c) => c.category === target).length)
      .toBeGreaterThanOrEqual(4);
    return liked;
  }

  /** All top-level categories of the catalogue. */
  async categories(): Promise<string[]> {
    return this.page.evaluate(async (url) => {
      const catalogue = (await (await fetch(url)).json()) as { items: { category?: string }[] };
      return [...new Set(catalogue.items.map((i) => i.category?.split('>')[0]?.trim() ?? ''))];
    }, `${this.origin}/catalogue.json`);
  }
}

/** Reads the cards of a `<private-recs>` element (its open shadow root) once it is ready. */
export async function readCards(strip: Locator): Promise<WidgetCard[]> {
  await expect(strip).toHaveAttribute('data-state', 'ready');
  return strip.evaluate((element) =>
    [...(element.shadowRoot?.querySelectorAll('button.item') ?? [])].map((button) => ({
      itemId: button.getAttribute('data-item-id') ?? '',
      category: (button.querySelector('.category')?.textContent ?? '').split('>')[0]?.trim() ?? '',
      reason: button.querySelector('.reason')?.textContent ?? '',
    })),
  );
}

/** The frame an isolated `<private-recs>` renders into. */
export async function isolatedFrame(strip: Locator): Promise<Frame> {
  const handle = await strip.locator('iframe').elementHandle();
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The isolated element has no frame.');
  return frame;
}

/** Whether the browser refuses IndexedDB to this frame (cross-site storage blocking). */
export function storageBlocked(frame: Frame): Promise<boolean> {
  return frame.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const request = indexedDB.open('private-recs-probe');
        request.onsuccess = () => {
          resolve(false);
        };
        request.onerror = () => {
          resolve(true);
        };
      }),
  );
}
