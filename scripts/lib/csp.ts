import type { Plugin } from 'vite';

/**
 * The app's Content-Security-Policy: scripts, workers and connections only from the app's own
 * origin and, when configured, the model host and the sites catalogues may come from. `wasm-unsafe-eval` lets TF.js and ONNX
 * Runtime compile their WebAssembly; nothing may evaluate strings as code. `blob:` workers are
 * how the engine worker inherits this policy (see src/client/engine-client.ts).
 */
export function appPolicy(
  modelHost: string | null,
  catalogueOrigins: readonly string[] = [],
  imageOrigins: readonly string[] = [],
): string {
  const hosts = [...(modelHost ? [new URL(modelHost).origin] : []), ...catalogueOrigins];
  const connect = ["'self'", ...new Set(hosts)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src ${connect}`,
    ["img-src 'self' data:", ...new Set(imageOrigins)].join(' '),
    "style-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The build's model host (`VITE_MODEL_ROOT`, a URL ending in `/`), or null for `models/`. */
export function modelHost(env: Record<string, string | undefined>): string | null {
  const root = env.VITE_MODEL_ROOT?.trim();
  if (!root) return null;
  const url = new URL(root);
  if (url.protocol !== 'https:' && url.hostname !== 'localhost') {
    throw new Error(`VITE_MODEL_ROOT must be an https URL (got ${root}).`);
  }
  return url.href;
}

/**
 * The sites `?catalogue=` may load from besides the app's own (`VITE_CATALOGUE_ORIGINS`, origins
 * separated by commas or spaces): added to `connect-src`, which otherwise refuses them ("Failed
 * to fetch"). Each must be https (http only on localhost); a bad entry stops the build.
 */
export function catalogueOrigins(env: Record<string, string | undefined>): string[] {
  const entries = (env.VITE_CATALOGUE_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);
  return entries.map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(
        `VITE_CATALOGUE_ORIGINS: "${entry}" is not a URL (write https://shop.example).`,
      );
    }
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
      throw new Error(`VITE_CATALOGUE_ORIGINS: "${entry}" must be an https URL.`);
    }
    return url.origin;
  });
}

/**
 * The sites item images may come from (`VITE_IMAGE_ORIGINS`, origins separated by commas or
 * spaces; `self` for the app's own): added to `img-src`. Off by default, because an image request
 * tells its host which item is on screen (see src/app/images.ts); images given in the catalogue
 * as `data:` URLs need no request and are always shown. Each must be https (http only on
 * localhost); a bad entry stops the build.
 */
export function imageOrigins(env: Record<string, string | undefined>): string[] {
  const entries = (env.VITE_IMAGE_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);
  return entries
    .filter((entry) => entry !== 'self')
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`VITE_IMAGE_ORIGINS: "${entry}" is not a URL (write https://img.example).`);
      }
      const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
        throw new Error(`VITE_IMAGE_ORIGINS: "${entry}" must be an https URL.`);
      }
      return url.origin;
    });
}

/** Puts the policy into index.html as a meta tag, so it holds on any static host. */
export function cspPlugin(policy: string): Plugin {
  return {
    name: 'private-recs-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
