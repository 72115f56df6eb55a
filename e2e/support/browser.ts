/** The port the production build is served on for the tests (not `npm start`'s 4173). */
export const PORT = Number(process.env.E2E_PORT ?? 4174);

/** Debian's Chromium (Playwright's own browser download does not work here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium flags for every test: root-safe, quiet, WebGPU on (SwiftShader where no GPU). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
];

/**
 * Playwright's default `--disable-features` list includes ThirdPartyStoragePartitioning, which
 * Chrome ships enabled; without it a cross-site frame (the widget's isolated mode) gets no
 * storage at all. The last `--disable-features` on the command line wins, so this one repeats
 * Playwright's list without that feature, and the browser partitions storage as Chrome does.
 */
export const PARTITIONED_STORAGE = [
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch',
];
