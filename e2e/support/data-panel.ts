import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** One line of the export, as far as these tests read it. */
export interface ExportLine {
  item?: string;
  type?: string;
}

/**
 * Page object of the widget's "Your data on this device" panel, inside one `<private-recs>`
 * element (the page's own, or the one in an isolated frame).
 */
export class DataPanelView {
  constructor(
    readonly page: Page,
    readonly strip: Locator,
  ) {}

  part(id: string): Locator {
    return this.strip.getByTestId(`widget.${id}`);
  }

  get link(): Locator {
    return this.part('data-link');
  }

  get panel(): Locator {
    return this.part('data-panel');
  }

  count(type: string): Locator {
    return this.part(`data-count.${type}`);
  }

  /** Opens the panel with the keyboard-reachable link; focus moves into it. */
  async open(): Promise<void> {
    await this.link.click();
    await expect(this.panel).toBeVisible();
    await expect(this.link).toHaveAttribute('aria-expanded', 'true');
    await expect(this.part('data-title')).toBeFocused();
  }

  /** Expects these counts (the total and per type), as the panel shows them. */
  async expectCounts(counts: Record<string, number>): Promise<void> {
    for (const [type, n] of Object.entries(counts)) {
      await expect(this.count(type)).toHaveText(String(n));
    }
  }

  /** Pauses or resumes learning and waits until the panel says so. */
  async setPaused(paused: boolean): Promise<void> {
    const button = this.part('data-pause');
    await expect(button).toHaveText(paused ? 'Pause learning' : 'Resume learning');
    await button.click();
    await expect(button).toHaveText(paused ? 'Resume learning' : 'Pause learning');
    await expect(this.part('data-learning')).toContainText(
      paused ? 'Learning is paused' : 'Learning from what you do here',
    );
  }

  /** Exports through the panel; returns the file's name and its parsed lines. */
  async export(): Promise<{ name: string; lines: ExportLine[] }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.part('data-export').click(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    const lines = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ExportLine);
    return { name: download.suggestedFilename(), lines };
  }

  /** Erase, then confirm it. */
  async erase(): Promise<void> {
    await this.part('data-erase').click();
    const yes = this.part('data-erase-confirm');
    await expect(yes).toBeFocused();
    await yes.click();
    await expect(this.part('data-message')).toHaveText('Erased. Recommendations start afresh.');
  }

  /** Escape closes the panel and gives focus back to the link. */
  async closeWithEscape(): Promise<void> {
    await this.part('data-title').focus();
    await this.page.keyboard.press('Escape');
    await expect(this.panel).toBeHidden();
    await expect(this.link).toBeFocused();
    await expect(this.link).toHaveAttribute('aria-expanded', 'false');
  }
}
