// The pictures without an emulator: src/lib/viz/bench-page (the PicturesPanel on the bench
// fixture) built with Vite into a temporary folder and served. Used by the bench for
// viz_update_ms_20 (the pictures' main-thread cost per snapshot in Chromium, 20 containers,
// budget 16 ms: one frame; see the page's main.ts for what one run includes) and by the e2e
// test for screenshots of a fixed fixture (no IDs or times that change between runs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser } from 'playwright-core';
import { build, preview } from 'vite';

export interface VizBenchResult {
  /** the slowest picture's median, ms */
  updateMs: number;
  perPicture: Record<string, { median: number; samples: number[]; elements: number }>;
  eventMs: number;
}

/** Builds and serves the bench page; `close` stops the server and removes the build. */
export async function serveVizPage(): Promise<{ url: string; close(): Promise<void> }> {
  const root = resolve('src/lib/viz/bench-page');
  const outDir = mkdtempSync(join(tmpdir(), 'dockhand-viz-page-'));
  const cleanup = () => rmSync(outDir, { recursive: true, force: true });
  try {
    await build({
      configFile: false, root, base: './', logLevel: 'warn',
      plugins: [svelte({ configFile: resolve('svelte.config.js') })],
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    });
    const server = await preview({ configFile: false, root, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report its URL');
    return { url, close: async () => { await server.close(); cleanup(); } };
  } catch (error) {
    cleanup();
    throw error;
  }
}

export async function benchViz(browser: Browser, runs: number, containers = 20): Promise<VizBenchResult> {
  const served = await serveVizPage();
  const context = await browser.newContext({ viewport: { width: 1000, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(served.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const result = await page.evaluate(([r, n]) => window.vizBench(r, n), [runs, containers] as const);
    const perPicture = Object.fromEntries(result.pictures.map((p) => [p.picture, { median: p.median, samples: p.samples, elements: p.elements }]));
    return { updateMs: Math.max(...result.pictures.map((p) => p.median)), perPicture, eventMs: result.eventMs };
  } finally {
    await context.close();
    await served.close();
  }
}
