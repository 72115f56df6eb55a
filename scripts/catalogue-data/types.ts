/**
 * Shapes of the hand-written vocabularies the demo catalogue generator draws from.
 *
 * Words are written in lower case (proper nouns and acronyms aside) because they are used inside
 * sentences; titles are title-cased from them. Templates use `{slot}` placeholders: brand, noun,
 * quality, material, feature, use, colour, name and title. A template whose slots an item cannot
 * fill (no colour, no name) is simply never chosen for that item.
 */

export interface SubcategorySpec {
  readonly name: string;
  /** Listed from cheapest to dearest: each noun gets its own slice of the price range. */
  readonly nouns: readonly string[];
  readonly qualities: readonly string[];
  /** Materials, origins, formats or mechanics: whatever reads naturally before the noun. */
  readonly materials: readonly string[];
  readonly features: readonly string[];
  readonly tags: readonly string[];
  readonly price: readonly [min: number, max: number];
  readonly sizes?: readonly string[];
  /** Overrides the category's colours; an empty list means the product has no colour choice. */
  readonly colours?: readonly string[];
  readonly uses?: readonly string[];
  readonly brands?: readonly string[];
  /** Product names for the `{name}` slot, e.g. the names of board games. */
  readonly names?: readonly string[];
  readonly titlePatterns?: readonly string[];
  /** False where nouns are title words (book titles) rather than product types worth a tag. */
  readonly nounIsProductType?: boolean;
  readonly openers?: readonly string[];
  readonly details?: readonly string[];
  readonly closers?: readonly string[];
}

export interface CategorySpec {
  readonly name: string;
  readonly brands: readonly string[];
  readonly colours?: readonly string[];
  readonly uses: readonly string[];
  /** First sentence of a description: what the product is. */
  readonly openers: readonly string[];
  /** Second sentence: a feature. */
  readonly details: readonly string[];
  /** Third sentence: care, brand, gifting or a use. */
  readonly closers: readonly string[];
  readonly subcategories: readonly SubcategorySpec[];
}

/** A promotion of the demo shop; the generator features its subcategories' most popular items. */
export interface CampaignSpec {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Whom it is for, in the shop's own words: what the device matches against the visitor. */
  readonly audience: string;
  /** `Category > Subcategory` names. */
  readonly subcategories: readonly string[];
  readonly starts?: string;
  readonly ends?: string;
}
