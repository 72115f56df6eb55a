import { defineConfig } from 'vite';

/** Builds the benchmark harness (bench/) to dist-bench/, with the app's public/ (models). */
export default defineConfig({
  base: './',
  root: 'bench',
  publicDir: '../public',
  worker: { format: 'es' },
  build: { outDir: '../dist-bench', emptyOutDir: true, target: 'es2022' },
  preview: { port: 4190, strictPort: true },
});
