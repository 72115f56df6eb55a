/**
 * A generated suite of malformed catalogues for robustness tests (unit and end-to-end): each case
 * is a response a static host could send, and what the refusal must mention. Deterministic.
 */
import { contentCases, httpCases, invalidJsonCases, truncatedCases } from './bad-catalogue-bodies';
import { enormousCases, missingCases, wrongTypeCases } from './bad-catalogue-fields';
import { deepCases, duplicateCases, hugeCases, schemaCases } from './bad-catalogue-shapes';
import type { BadCatalogue } from './catalogue-cases';

export { generatedCatalogue } from './catalogue-cases';
export type { BadCatalogue, BadCatalogueKind } from './catalogue-cases';

/** Every case: at least 200, across all kinds. `good` is a valid catalogue's text (the demo's). */
export function badCatalogues(good: string): BadCatalogue[] {
  return [
    ...invalidJsonCases(),
    ...truncatedCases(good),
    ...wrongTypeCases(),
    ...missingCases(),
    ...duplicateCases(good),
    ...enormousCases(),
    ...hugeCases(),
    ...deepCases(),
    ...schemaCases(),
    ...contentCases(good),
    ...httpCases(),
  ];
}

/** How many cases of each kind (for reports). */
export function countByKind(cases: readonly BadCatalogue[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of cases) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  return counts;
}
