import type { Catalogue } from '../../src/shared/catalogue/schema';
import type { Notice } from '../../src/shared/engine-api';
import type { ItemEncoder } from '../../src/shared/encoder/encoder';
import { LexicalEncoder } from '../../src/shared/encoder/lexical';

/**
 * Picks the encoder for a catalogue. This version ships only the built-in lexical encoder, so a
 * requested model is answered with a notice naming the fallback rather than ignored.
 */
export function selectEncoder(
  catalogue: Catalogue,
  requestedModel: string | null,
): { encoder: ItemEncoder; notices: Notice[] } {
  const encoder = new LexicalEncoder(catalogue.items);
  const notices: Notice[] = [];
  if (requestedModel !== null && requestedModel !== 'lexical') {
    notices.push({
      code: 'model-unavailable',
      level: 'warning',
      message: `The text model "${requestedModel}" is not available; using the built-in lexical encoder (word matching) instead.`,
    });
  } else if (requestedModel === null) {
    notices.push({
      code: 'model-unavailable',
      level: 'info',
      message:
        'No semantic text model is installed, so items are matched by their words (built-in lexical encoder).',
    });
  }
  return { encoder, notices };
}
