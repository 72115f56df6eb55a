import { refusedContentType } from '../../src/shared/catalogue/content-type';
import {
  parseCatalogueJsonInSlices,
  validateCatalogueInSlices,
} from '../../src/shared/catalogue/parse';
import { CATALOGUE_LIMITS, type Catalogue } from '../../src/shared/catalogue/schema';
import type { EngineProgress, Notice } from '../../src/shared/engine-api';
import { CatalogueError, errorCode, errorMessage } from '../../src/shared/errors';
import type { Repository } from '../storage/repository';

/** A catalogue larger than this is refused before it is read into memory. */
const MAX_CATALOGUE_BYTES = CATALOGUE_LIMITS.bytes;

export interface LoadedCatalogue {
  catalogue: Catalogue;
  url: string;
  source: 'network' | 'stored';
  notices: Notice[];
  /**
   * The fallback copy being written (a downloaded catalogue), with its notices: the engine goes
   * on indexing meanwhile and waits for it before it says it is ready.
   */
  copied: Promise<Notice[]>;
}

/**
 * Fetches and validates the catalogue; on success keeps a copy in IndexedDB. When the network or
 * the file fails, it falls back to the last good copy and says why; with no copy it throws.
 */
export async function loadCatalogue(
  url: string,
  repository: Repository,
  onProgress: (progress: EngineProgress) => void,
): Promise<LoadedCatalogue> {
  let failure: CatalogueError;
  try {
    const catalogue = await fetchCatalogue(url, onProgress);
    const copied = keepCopy(repository, url, catalogue);
    return { catalogue, url, source: 'network', notices: [], copied };
  } catch (error) {
    failure =
      error instanceof CatalogueError
        ? error
        : new CatalogueError('catalogue-unreachable', errorMessage(error));
  }
  const stored = await repository.lastGoodCatalogue(url);
  if (!stored) throw failure;
  const damage = await storedCopyDamage(stored.catalogue, onProgress);
  if (damage !== null) {
    console.warn(`The saved copy of the catalogue is damaged and was not used: ${damage}`);
    const code =
      failure.code === 'catalogue-invalid' ? 'catalogue-invalid' : 'catalogue-unreachable';
    throw new CatalogueError(
      code,
      `${failure.message} The copy saved on this device is damaged, so there is none to show instead.`,
    );
  }
  const when = new Date(stored.savedAt).toLocaleString();
  const notice: Notice = {
    code: failure.code,
    level: failure.code === 'catalogue-unreachable' ? 'warning' : 'error',
    message: `${failure.message} Showing the copy saved on ${when} instead.`,
  };
  return {
    catalogue: stored.catalogue,
    url: stored.url,
    source: 'stored',
    notices: [notice],
    copied: Promise.resolve([]),
  };
}

/** Why a stored copy is not a valid catalogue (storage damaged or edited), or null. */
async function storedCopyDamage(
  catalogue: unknown,
  onProgress: (progress: EngineProgress) => void,
): Promise<string | null> {
  try {
    await checkInSlices(catalogue, onProgress);
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

/** Saves a good catalogue as the fallback copy; a failure (quota) is a notice, not an error. */
export function keepCopy(
  repository: Repository,
  url: string,
  catalogue: Catalogue,
): Promise<Notice[]> {
  // A good catalogue that cannot be stored is still used; only the fallback copy ages.
  return repository.saveCatalogue(url, catalogue).then(
    () => [],
    (error: unknown): Notice[] => [
      {
        code: errorCode(error) ?? 'storage-unavailable',
        level: 'warning',
        message: `${errorMessage(error)} The catalogue works now, but will not be available offline.`,
      },
    ],
  );
}

/** Downloads and validates a catalogue; throws a CatalogueError that says what is wrong. */
export async function fetchCatalogue(
  url: string,
  onProgress: (progress: EngineProgress) => void,
  init?: RequestInit,
): Promise<Catalogue> {
  const started = performance.now();
  const text = await fetchText(url, onProgress, init);
  const fetched = performance.now();
  const json = await parseCatalogueJsonInSlices(text, (done, total) => {
    onProgress({ stage: 'reading', done, total });
    return new Promise((resolve) => setTimeout(resolve, 0));
  });
  const parsed = performance.now();
  const catalogue = await checkInSlices(json, onProgress);
  const ms = (from: number, to: number) => `${Math.round(to - from)} ms`;
  console.info(
    `Catalogue: ${catalogue.items.length} items downloaded in ${ms(started, fetched)}, JSON read in ${ms(fetched, parsed)}, checked in ${ms(parsed, performance.now())}.`,
  );
  return catalogue;
}

/**
 * Validates a catalogue a slice of items at a time, reporting progress and letting other calls
 * in between (a million items take seconds to check).
 */
function checkInSlices(
  json: unknown,
  onProgress: (progress: EngineProgress) => void,
): Promise<Catalogue> {
  return validateCatalogueInSlices(json, (done, total) => {
    onProgress({ stage: 'checking', done, total });
    return new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function fetchText(
  url: string,
  onProgress: (progress: EngineProgress) => void,
  init?: RequestInit,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new CatalogueError(
      'catalogue-unreachable',
      `The catalogue could not be downloaded (${errorMessage(error)}).`,
    );
  }
  if (!response.ok) {
    throw new CatalogueError(
      'catalogue-unreachable',
      `The catalogue could not be downloaded: the server answered ${response.status} ${response.statusText}.`.trim(),
    );
  }
  const refused = refusedContentType(response.headers.get('content-type'));
  if (refused !== null) {
    discard(response);
    throw new CatalogueError('catalogue-invalid', refused);
  }
  const total = Number(response.headers.get('content-length')) || null;
  if (total !== null && total > MAX_CATALOGUE_BYTES) {
    discard(response);
    throw tooLarge();
  }
  try {
    return await readWithProgress(response, total, onProgress);
  } catch (error) {
    if (error instanceof CatalogueError) throw error;
    // The connection broke mid-body (or the body was shorter than announced).
    throw new CatalogueError(
      'catalogue-unreachable',
      `The catalogue download was cut off before the end (${errorMessage(error)}). Try again later.`,
    );
  }
}

async function readWithProgress(
  response: Response,
  total: number | null,
  onProgress: (progress: EngineProgress) => void,
): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    if (loaded > MAX_CATALOGUE_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
    onProgress({ stage: 'catalogue', loaded, total });
  }
  return text + decoder.decode();
}

/** Stops downloading a body that will not be read (a refused type, a size over the limit). */
function discard(response: Response): void {
  // The refusal is already decided; a body that cannot even be cancelled changes nothing.
  response.body?.cancel().catch((error: unknown) => {
    console.info('A refused catalogue download could not be cancelled.', error);
  });
}

function tooLarge(): CatalogueError {
  return new CatalogueError(
    'catalogue-invalid',
    `This catalogue cannot be used: it is larger than ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB.`,
  );
}
