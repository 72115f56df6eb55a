import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium as the benchmarks run it: headless, WebGPU allowed, no background traffic. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--enable-unsafe-webgpu',
      '--disable-background-networking',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** The machine a benchmark ran on, printed with its figures. */
export function machine(): { cpu: string | undefined; cores: number; chromium: string } {
  const version = execFileSync(executablePath, ['--version'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return { cpu: cpus()[0]?.model, cores: cpus().length, chromium: version.toString().trim() };
}

/** Progress for long runs goes to stderr; the JSON result is the last line of stdout. */
export const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/**
 * Milliseconds from each like (one per item, in turn) until the page's recommendation grid
 * changed, training settled before the next; the page must show its ready grid.
 */
export async function likesToRefresh(page: Page, itemIds: readonly string[]): Promise<number[]> {
  await page.waitForSelector('[data-testid="recs.grid"][data-state="ready"]');
  return page.evaluate(async (ids) => {
    const times: number[] = [];
    for (const itemId of ids) {
      const grid = document.querySelector('[data-testid="recs.grid"]');
      if (!grid) break;
      const changed = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(grid, { childList: true, subtree: true });
      });
      const start = performance.now();
      await window.privateRecs.track({ type: 'like', itemId });
      times.push(Math.round((await changed) - start));
      await window.privateRecs.internals.whenTrained();
    }
    return times;
  }, itemIds);
}
