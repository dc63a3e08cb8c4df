/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import compression from 'compression';
import { defineConfig, type Plugin } from 'vite';

/** `vite preview` (what `npm start` serves) sends wasm and JS gzip'd, as a real host would. */
const compressPreview: Plugin = {
  name: 'dockhand-compress-preview',
  configurePreviewServer(server) {
    // compression() is typed for Express; connect passes the same Node request/response.
    server.middlewares.use(compression() as unknown as import('vite').Connect.NextHandleFunction);
  },
};

export default defineConfig({
  plugins: [svelte(), compressPreview],
  build: {
    target: 'es2022',
    // v86's wasm is loaded by URL; keep it a separate file rather than inlined.
    assetsInlineLimit: 0,
  },
  server: { port: 5173 },
  preview: { port: 5173 },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Guest and browser tests each run a whole emulator: two at a time fits two cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
