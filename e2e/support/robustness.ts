import { test } from '@playwright/test';

/** What one robustness test tried (the report in docs/privacy-and-robustness.md reads these). */
export interface RobustnessRecord {
  area: 'catalogue' | 'import' | 'stored-state' | 'model';
  /** How many inputs were tried (deterministic). */
  tried: number;
  /** How many of each kind. */
  kinds: Record<string, number>;
  /** What happened, in one short sentence. */
  outcome: string;
}

/** Adds the test's `robustness` annotation. */
export function recordRobustness(record: RobustnessRecord): void {
  test.info().annotations.push({ type: 'robustness', description: JSON.stringify(record) });
}
