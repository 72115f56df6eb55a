import { INSTANT_FORMAT, isInstant, windowInverted } from '../campaigns/validity';
import { ILL_FORMED_ID, isWellFormed } from '../ids';
import { z } from '../zod';

export const CATALOGUE_SCHEMA = 'private-recs/catalogue@1';

/** Upper bounds that keep a hostile catalogue from exhausting the visitor's memory. */
export const CATALOGUE_LIMITS = {
  items: 1_000_000,
  idLength: 200,
  titleLength: 1_000,
  descriptionLength: 20_000,
  tags: 100,
  urlLength: 4_000,
  /** Lists and objects inside each other: the contract needs 4 levels; extensions get room. */
  depth: 32,
  /** The whole file, checked while it downloads. */
  bytes: 200 * 1024 * 1024,
} as const;

const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);
/** An id: non-empty, bounded, well-formed Unicode (an ill-formed one breaks every URL it is in). */
const identifier = () =>
  text(CATALOGUE_LIMITS.idLength).min(1, 'must not be empty').refine(isWellFormed, ILL_FORMED_ID);
const amount = () => z.number().nonnegative('must not be negative');
const list = <T extends z.ZodType>(of: T, max: number) =>
  z.array(of).max(max, `has more than ${max} entries`);

/** One item of the catalogue (validated on its own when a large catalogue is checked in slices). */
export const catalogueItemSchema = z.object({
  id: identifier(),
  title: text(CATALOGUE_LIMITS.titleLength).min(1, 'must not be empty'),
  description: text(CATALOGUE_LIMITS.descriptionLength).optional(),
  category: text(CATALOGUE_LIMITS.titleLength).optional(),
  brand: text(CATALOGUE_LIMITS.titleLength).optional(),
  tags: list(text(CATALOGUE_LIMITS.titleLength), CATALOGUE_LIMITS.tags).optional(),
  price: amount().optional(),
  currency: text(10).optional(),
  image: text(CATALOGUE_LIMITS.urlLength).optional(),
  url: text(CATALOGUE_LIMITS.urlLength).optional(),
  popularity: amount().optional(),
  available: z.boolean().optional(),
});

/** A validity bound: an ISO 8601 date (a whole UTC day) or a date-time with a time zone. */
const instant = () => text(40).refine(isInstant, `must be ${INSTANT_FORMAT}`);

const campaignSchema = z
  .object({
    id: identifier(),
    title: text(CATALOGUE_LIMITS.titleLength),
    text: text(CATALOGUE_LIMITS.descriptionLength).optional(),
    audience: text(CATALOGUE_LIMITS.descriptionLength).optional(),
    itemIds: list(identifier(), CATALOGUE_LIMITS.items).optional(),
    /** Shown from this date or instant on (see src/shared/campaigns/validity.ts). */
    starts: instant().optional(),
    /** Shown until this instant, or to the end of this date. */
    ends: instant().optional(),
  })
  .refine((campaign) => !windowInverted(campaign), {
    message: 'must be after "starts"',
    path: ['ends'],
  });

const vectorsSchema = z.object({
  /** "text" (from an encoder model) or "collaborative" (from the shop's aggregate usage). */
  kind: text(50),
  model: text(CATALOGUE_LIMITS.titleLength),
  dims: z
    .number()
    .int('must be a whole number')
    .positive('must be more than 0')
    .max(4096, 'must be at most 4096'),
  dtype: z.enum(['int8', 'float32', 'float16']),
  url: text(CATALOGUE_LIMITS.urlLength),
  /** For collaborative vectors: their share in the combined similarity (default 0.5). */
  weight: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').optional(),
});

/** The shop's global model file (`npm run catalogue:build`; docs/contracts.md#global-model). */
const modelSchema = z.object({
  url: text(CATALOGUE_LIMITS.urlLength).min(1, 'must not be empty'),
  /** SHA-256 of the file, 64 hex digits: the device refuses a file that does not match. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'must be 64 hexadecimal digits'),
  bytes: z.number().int('must be a whole number').positive('must be more than 0'),
  /** "private-recs/head@1"; a device that does not know the format keeps its built-in start. */
  format: text(100),
});

export const catalogueSchema = z.object({
  schema: z.literal(CATALOGUE_SCHEMA),
  id: identifier(),
  version: text(200).optional(),
  language: text(35).optional(),
  /** What the shop is called on screen (else its id). */
  name: text(200).optional(),
  items: list(catalogueItemSchema, CATALOGUE_LIMITS.items),
  campaigns: list(campaignSchema, 1_000).optional(),
  vectors: z.union([vectorsSchema, list(vectorsSchema, 4)]).optional(),
  model: modelSchema.optional(),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type VectorSpec = z.infer<typeof vectorsSchema>;
export type ModelSpec = z.infer<typeof modelSchema>;

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
