/**
 * Shapes of the hand-written Chinese vocabularies behind the Chinese demo shop
 * (scripts/generate-catalogue-zh.ts). Chinese needs no title case, articles or plurals, so these
 * are simpler than ../types.ts. Templates use `{slot}` placeholders: brand, noun, quality,
 * material, feature, use and size; a template an item cannot fill is never chosen for it.
 */

/** A feature sentence part; one tied to nouns is only said of those products. */
export type FeatureZh = string | { readonly nouns: readonly string[]; readonly text: string };

export interface SubcategorySpecZh {
  readonly name: string;
  /** Listed from cheapest to dearest: each noun gets its own slice of the price range. */
  readonly nouns: readonly string[];
  readonly qualities: readonly string[];
  /** Materials, origins or formats; empty where the product has none worth naming. */
  readonly materials: readonly string[];
  readonly features: readonly FeatureZh[];
  readonly tags: readonly string[];
  /** Price range in CNY. */
  readonly price: readonly [min: number, max: number];
  readonly sizes?: readonly string[];
  readonly uses?: readonly string[];
  /** Overrides the category's brands (a tea house does not roast coffee). */
  readonly brands?: readonly string[];
  readonly titlePatterns?: readonly string[];
}

export interface CategorySpecZh {
  readonly name: string;
  readonly brands: readonly string[];
  readonly uses: readonly string[];
  /** First sentence of a description: what the product is. */
  readonly openers: readonly string[];
  /** Second sentence: a feature. */
  readonly details: readonly string[];
  /** Third sentence: care, brand, gifting or a use. */
  readonly closers: readonly string[];
  readonly subcategories: readonly SubcategorySpecZh[];
}

/** A promotion: its items are the most popular available items of the named subcategories. */
export interface CampaignSpecZh {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly audience: string;
  /** `Category > Subcategory` names. */
  readonly subcategories: readonly string[];
  /** Validity window (optional: the demo's campaigns mostly run without one). */
  readonly starts?: string;
  readonly ends?: string;
}
