import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import {
  appPolicy,
  catalogueOrigins,
  cspPlugin,
  imageOrigins,
  modelHost,
} from './scripts/lib/csp.ts';
import { pwaOptions } from './scripts/lib/pwa-options.ts';

export default defineConfig(({ mode }) => {
  const env = { ...process.env, ...loadEnv(mode, process.cwd()) };
  return {
    // Relative asset URLs: the app and the widget work from any path of a static host.
    base: './',
    plugins: [
      react(),
      VitePWA(pwaOptions),
      cspPlugin(appPolicy(modelHost(env), catalogueOrigins(env), imageOrigins(env))),
    ],
    worker: { format: 'es' },
    build: {
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        // Two entry points over one engine: the app (index.html) and the widget (dist/widget.js).
        input: { index: 'index.html', widget: 'src/widget/widget.ts' },
        // The widget is a published module: keep its exports.
        preserveEntrySignatures: 'exports-only',
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'widget' ? 'widget.js' : 'assets/[name]-[hash].js',
        },
      },
    },
    // 4173, or the next free port when it is taken (Vite prints the address it serves).
    preview: { port: 4173, strictPort: false },
  };
});
