/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [svelte()],
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
