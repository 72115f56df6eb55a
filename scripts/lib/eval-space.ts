import type { CatalogueItem } from '../../src/shared/catalogue/schema';
import { buildAggregateModel } from '../../src/shared/collab/build';
import { combineVectors } from '../../src/shared/collab/combine';
import type { ItemEncoder } from '../../src/shared/encoder/encoder';
import { LexicalEncoder } from '../../src/shared/encoder/lexical';
import type { LogEvent } from '../../src/shared/eval/log';
import type { ItemMatrix } from '../../src/shared/ranking/matrix';
import { popularityPrior } from '../../src/shared/ranking/prior';
import { TransformersEncoder } from '../../workers/engine/transformers-encoder';

export interface SpaceOptions {
  /** "lexical", or a model id installed under `modelRoot` (npm run models). */
  model: string;
  modelRoot: string;
  collabDims: number;
  collabWeight: number;
}

/** The item space the device would have, built from training data only. */
export interface EvalSpace {
  items: CatalogueItem[];
  text: ItemMatrix;
  matrix: ItemMatrix;
  prior: Float32Array;
  popularity: Float32Array;
  encoder: string;
  collab: { dims: number; explained: number; users: number } | null;
}

/**
 * What `npm run catalogue:build` would ship if the shop's log held only the training events:
 * popularity and collaborative vectors, combined with the text vectors the device encodes.
 */
export async function buildSpace(
  catalogueItems: readonly CatalogueItem[],
  train: readonly LogEvent[],
  options: SpaceOptions,
): Promise<EvalSpace> {
  const useCollab = options.collabDims > 0 && options.collabWeight > 0;
  const aggregate = buildAggregateModel(catalogueItems, train, {
    dims: useCollab ? options.collabDims : 1,
  });
  const items = catalogueItems.map((item, i) => ({
    ...item,
    popularity: aggregate.popularity[i] ?? 0,
  }));
  const encoder = await loadEncoder(items, options);
  const text = await encoder.encodeItems(items);
  const factors = aggregate.factors;
  const matrix = useCollab
    ? combineVectors(
        text,
        { rows: items.length, dims: factors.dims, data: factors.data },
        options.collabWeight,
      )
    : text;
  return {
    items,
    text,
    matrix,
    prior: popularityPrior(items),
    popularity: Float32Array.from(aggregate.popularity),
    encoder: encoder.info.id,
    collab: useCollab
      ? { dims: factors.dims, explained: factors.explained, users: aggregate.users }
      : null,
  };
}

async function loadEncoder(
  items: readonly CatalogueItem[],
  options: SpaceOptions,
): Promise<ItemEncoder> {
  if (options.model === 'lexical') return new LexicalEncoder(items);
  return TransformersEncoder.load({
    modelId: options.model,
    device: 'cpu',
    dtype: 'q8',
    modelRoot: options.modelRoot,
  });
}
