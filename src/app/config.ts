import type { BackendName, EngineConfig } from '../shared/engine-api';
import { configuredImageOrigins } from './images';

export const DEFAULT_CATALOGUE = 'catalogue.json';
const BACKENDS: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];
/**
 * Other sites this build may load catalogues from: `VITE_CATALOGUE_ORIGINS`, checked at build
 * time by scripts/lib/csp.ts, which adds them to the CSP's connect-src.
 */
const CATALOGUE_ORIGINS = (import.meta.env.VITE_CATALOGUE_ORIGINS ?? '')
  .split(/[\s,]+/)
  .filter(Boolean)
  .map((entry) => new URL(entry).origin);

/** Sites item images may load from besides `data:` URLs (src/app/images.ts): none by default. */
export const IMAGE_ORIGINS = configuredImageOrigins(
  import.meta.env.VITE_IMAGE_ORIGINS ?? '',
  typeof location === 'undefined' ? '' : location.origin,
);

/**
 * Reads the demo app's URL parameters (`?catalogue=`, `?backend=`, `?model=`, `?dtype=`) into an engine
 * configuration; unknown values are reported rather than silently ignored.
 */
export function configFromUrl(pageUrl: string): { config: EngineConfig; problems: string[] } {
  const url = new URL(pageUrl);
  const params = url.searchParams;
  const problems: string[] = [];
  const catalogueParam = params.get('catalogue');
  let catalogueUrl = new URL(DEFAULT_CATALOGUE, url).href;
  if (catalogueParam) {
    try {
      const wanted = new URL(catalogueParam, url).href;
      // The page's CSP would refuse the download: say so plainly instead of "Failed to fetch".
      const origin = new URL(wanted).origin;
      if (origin === url.origin || CATALOGUE_ORIGINS.includes(origin)) catalogueUrl = wanted;
      else
        problems.push(
          `The catalogue "${catalogueParam}" is on another site, which this site is not set up to load catalogues from; showing its own catalogue instead.`,
        );
    } catch {
      problems.push(`"${catalogueParam}" is not a valid catalogue address; using the default.`);
    }
  }
  const backendParam = params.get('backend');
  let backend: BackendName | null = null;
  if (backendParam) {
    if ((BACKENDS as readonly string[]).includes(backendParam))
      backend = backendParam as BackendName;
    else problems.push(`Unknown backend "${backendParam}"; use webgpu, wasm or cpu.`);
  }
  const model = params.get('model')?.trim() || null;
  const dtypeParam = params.get('dtype');
  let dtype: EngineConfig['dtype'] = null;
  if (dtypeParam === 'q8' || dtypeParam === 'fp32') dtype = dtypeParam;
  else if (dtypeParam) problems.push(`Unknown precision "${dtypeParam}"; use q8 or fp32.`);
  // A build for a separate model host sets VITE_MODEL_ROOT (and the CSP allows that host).
  const modelRoot = import.meta.env.VITE_MODEL_ROOT?.trim() || null;
  return { config: { catalogueUrl, backend, model, dtype, modelRoot }, problems };
}
