import type { Page } from '@playwright/test';

/** Browser network logs ("Failed to load resource: … 404"): expected for refused downloads. */
const NETWORK_LOG = /^Failed to load resource/;

/** What went wrong in a page and its workers while a test ran. */
export interface ErrorWatch {
  /** Uncaught errors, unhandled rejections and console errors, as readable lines. */
  errors: string[];
  /** Browser network logs, counted apart. */
  networkLogs: number;
}

/**
 * Watches a page and its workers. Playwright's `pageerror` carries uncaught errors and unhandled
 * rejections of dedicated workers too, and the page's `console` carries the workers' console
 * (robustness.spec.ts checks both). Call before `goto`.
 */
export function watchErrors(page: Page): ErrorWatch {
  const watch: ErrorWatch = { errors: [], networkLogs: 0 };
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (NETWORK_LOG.test(message.text())) watch.networkLogs += 1;
    else watch.errors.push(`console error: ${message.text()}`);
  });
  return watch;
}
