import { z } from '../zod';

export const CATALOGUE_SCHEMA = 'private-recs/catalogue@1';

/** Upper bounds that keep a hostile catalogue from exhausting the visitor's memory. */
export const CATALOGUE_LIMITS = {
  items: 200_000,
  idLength: 200,
  titleLength: 1_000,
  descriptionLength: 20_000,
  tags: 100,
  urlLength: 4_000,
} as const;

const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);

const itemSchema = z.object({
  id: text(CATALOGUE_LIMITS.idLength).min(1, 'must not be empty'),
  title: text(CATALOGUE_LIMITS.titleLength).min(1, 'must not be empty'),
  description: text(CATALOGUE_LIMITS.descriptionLength).optional(),
  category: text(CATALOGUE_LIMITS.titleLength).optional(),
  tags: z.array(text(CATALOGUE_LIMITS.titleLength)).max(CATALOGUE_LIMITS.tags).optional(),
  price: z.number().nonnegative().optional(),
  currency: text(10).optional(),
  image: text(CATALOGUE_LIMITS.urlLength).optional(),
  url: text(CATALOGUE_LIMITS.urlLength).optional(),
  popularity: z.number().nonnegative().optional(),
  available: z.boolean().optional(),
});

const campaignSchema = z.object({
  id: text(CATALOGUE_LIMITS.idLength).min(1, 'must not be empty'),
  title: text(CATALOGUE_LIMITS.titleLength),
  text: text(CATALOGUE_LIMITS.descriptionLength).optional(),
  audience: text(CATALOGUE_LIMITS.descriptionLength).optional(),
  itemIds: z.array(text(CATALOGUE_LIMITS.idLength)).optional(),
});

const vectorsSchema = z.object({
  /** "text" (from an encoder model) or "collaborative" (from the shop's aggregate usage). */
  kind: text(50),
  model: text(CATALOGUE_LIMITS.titleLength),
  dims: z.number().int().positive().max(4096),
  dtype: z.enum(['int8', 'float32', 'float16']),
  url: text(CATALOGUE_LIMITS.urlLength),
  /** For collaborative vectors: their share in the combined similarity (default 0.5). */
  weight: z.number().min(0).max(1).optional(),
});

export const catalogueSchema = z.object({
  schema: z.literal(CATALOGUE_SCHEMA),
  id: text(CATALOGUE_LIMITS.idLength).min(1, 'must not be empty'),
  version: text(200).optional(),
  language: text(35).optional(),
  items: z.array(itemSchema).max(CATALOGUE_LIMITS.items),
  campaigns: z.array(campaignSchema).optional(),
  vectors: z.union([vectorsSchema, z.array(vectorsSchema).max(4)]).optional(),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueItem = z.infer<typeof itemSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type VectorSpec = z.infer<typeof vectorsSchema>;

/** The catalogue's vector files as a list (the contract allows one object or an array). */
export function vectorSpecs(catalogue: Pick<Catalogue, 'vectors'>): VectorSpec[] {
  const { vectors } = catalogue;
  if (!vectors) return [];
  return Array.isArray(vectors) ? vectors : [vectors];
}

/** The vector list with `spec` in place of any earlier spec of the same kind. */
export function replaceVectorSpec(
  catalogue: Pick<Catalogue, 'vectors'>,
  spec: VectorSpec,
): VectorSpec | VectorSpec[] {
  const others = vectorSpecs(catalogue).filter((existing) => existing.kind !== spec.kind);
  return others.length === 0 ? spec : [...others, spec];
}
