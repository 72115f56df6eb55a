import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './scripts/lib/pwa-options.ts';

export default defineConfig({
  // Relative asset URLs: the app works from any path of a static host.
  base: './',
  plugins: [react(), VitePWA(pwaOptions)],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { port: 4173, strictPort: true },
});
