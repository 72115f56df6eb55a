/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of model folders when they live on another host (build time; see scripts/lib/csp.ts). */
  readonly VITE_MODEL_ROOT?: string;
  /** Other sites `?catalogue=` may load from, comma-separated origins (build time; csp.ts). */
  readonly VITE_CATALOGUE_ORIGINS?: string;
  /** Sites item images may load from (`self` for the app's own), comma-separated (csp.ts). */
  readonly VITE_IMAGE_ORIGINS?: string;
}
