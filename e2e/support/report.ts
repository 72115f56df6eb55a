import { test } from '@playwright/test';

/** One line of docs/privacy-and-robustness.md: what a test tried, and what happened. */
export interface Tried {
  area: string;
  tried: number;
  kinds?: Record<string, number>;
  outcome: string;
}

/** Records what this test tried, for the report the robustness reporter writes. */
export function report(entry: Tried): void {
  test.info().annotations.push({ type: 'robustness', description: JSON.stringify(entry) });
}
