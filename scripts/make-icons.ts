/**
 * Renders the app icons (public/icons/*.png) from the SVGs beside them, with Chromium, at the
 * sizes the web app manifest lists (scripts/lib/pwa-options.ts). The PNGs are committed; run
 * this after editing an SVG.
 *
 *   npm run icons
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, log } from './lib/bench-browser';
import { ICONS } from './lib/pwa-options';

const PUBLIC = 'public';

const browser = await launchChromium();
try {
  for (const icon of ICONS) {
    const svg = readFileSync(join(PUBLIC, icon.svg), 'utf8');
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:100vw;height:100vh}</style>${svg}`,
    );
    const png = await page.screenshot({ omitBackground: true });
    writeFileSync(join(PUBLIC, icon.src), png);
    log(`${icon.src}: ${icon.size}×${icon.size}, ${png.byteLength} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
