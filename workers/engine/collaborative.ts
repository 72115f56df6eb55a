import { vectorSpecs, type Catalogue } from '../../src/shared/catalogue/schema';
import { DEFAULT_COLLAB_WEIGHT } from '../../src/shared/collab/combine';
import type { CollaborativeInfo, Notice } from '../../src/shared/engine-api';
import { decodeVectors } from '../../src/shared/encoder/vector-format';
import { errorMessage } from '../../src/shared/errors';
import type { ItemMatrix } from '../../src/shared/ranking/matrix';

/** The shop's collaborative item vectors and how much they count. */
export interface Collaborative {
  matrix: ItemMatrix;
  info: CollaborativeInfo;
}

/**
 * Fetches the catalogue's collaborative vectors (computed by the shop from aggregate usage,
 * `npm run catalogue:build`), if it ships any. A missing or malformed file is a notice, never a
 * failure: recommendations then use the text vectors alone.
 */
export async function loadCollaborative(
  catalogue: Catalogue,
  catalogueUrl: string,
): Promise<{ collaborative: Collaborative | null; notices: Notice[] }> {
  const spec = vectorSpecs(catalogue).find((candidate) => candidate.kind === 'collaborative');
  if (!spec) return { collaborative: null, notices: [] };
  try {
    if (spec.dtype === 'float16') throw new Error('float16 vectors are not supported');
    const response = await fetch(new URL(spec.url, catalogueUrl));
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const rows = catalogue.items.length;
    const data = decodeVectors(await response.arrayBuffer(), spec.dtype, rows, spec.dims);
    const weight = spec.weight ?? DEFAULT_COLLAB_WEIGHT;
    return {
      collaborative: {
        matrix: { rows, dims: spec.dims, data },
        info: { model: spec.model, dims: spec.dims, weight },
      },
      notices: [],
    };
  } catch (error) {
    return {
      collaborative: null,
      notices: [
        {
          code: 'vectors-invalid',
          level: 'warning',
          message: `The catalogue's collaborative vectors were not used: ${errorMessage(error)}. Recommendations rely on item text alone.`,
        },
      ],
    };
  }
}
