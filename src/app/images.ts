import { createContext, useContext } from 'react';

/** Images given in the catalogue itself: shown without any request. */
const INLINE = /^data:image\/(?:svg\+xml|png|jpeg|webp|gif|avif)[;,]/i;

/**
 * Where the item images of this build may come from, besides `data:` URLs: `VITE_IMAGE_ORIGINS`
 * (checked at build time by scripts/lib/csp.ts, which adds them to img-src); `self` is the app's
 * own origin. Empty by default: an image request tells the image host which item is on screen,
 * so a history-shaped list would leak what the visitor likes; inline images leak nothing.
 */
export function configuredImageOrigins(raw: string, pageOrigin: string): string[] {
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((entry) => {
      if (entry === 'self') return [pageOrigin];
      try {
        return [new URL(entry).origin];
      } catch {
        return [];
      }
    });
}

/**
 * The address to show an item image from, or null: `data:` images always; other http(s)
 * images (relative ones against the catalogue's address) only from an allowed origin; never
 * `javascript:` or anything else.
 */
export function imageSource(
  raw: string | undefined,
  catalogueUrl: string,
  allowed: readonly string[],
): string | null {
  if (!raw) return null;
  if (INLINE.test(raw)) return raw;
  let url: URL;
  try {
    url = new URL(raw, catalogueUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return allowed.includes(url.origin) ? url.href : null;
}

export interface ImagePolicy {
  catalogueUrl: string;
  allowed: readonly string[];
}

/** The catalogue's address and the allowed image origins, for the cards below the app. */
export const ImagePolicyContext = createContext<ImagePolicy>({ catalogueUrl: '', allowed: [] });

/** The image to show for an item, under this app's policy. */
export function useItemImage(raw: string | undefined): string | null {
  const { catalogueUrl, allowed } = useContext(ImagePolicyContext);
  return imageSource(raw, catalogueUrl, allowed);
}
