// The VM page measured in one Chromium page, in one run: DockOS VM boots (host clock, start →
// prompt) and `docker run --rm busybox true` (guest clock, qjs os.now) driven through the page's
// own state (window.dockhand.vmCompare), and the tab's memory with both machines running.
//
// Tab memory: the PSS of the tab's renderer process (/proc/<pid>/smaps_rollup), found through
// CDP's SystemInfo.getProcessInfo. PSS counts every page the renderer really touched (both
// machines' wasm memory, the checkpoint the page keeps, the JS heap), shared pages split fairly;
// performance.memory would miss the wasm memory, and measureUserAgentSpecificMemory needs
// cross-origin isolation, which the app does not have.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openUntilPrompt } from './app-page';

type Compare = {
  vmState: string;
  startContainer(): Promise<void>;
  bootVm(): void;
  last(side: 'vm' | 'container'): { key: string; ms: number | null } | null;
  error: string | null;
  vmError: string | null;
};
declare const window: { dockhand: { vmCompare: Compare } };

export interface VmPageResult { vmBootMs: number[]; containerRunMs: number[]; tabMemoryMb: number }

async function bootVm(page: Page): Promise<number> {
  const before = await page.evaluate(() => window.dockhand.vmCompare.last('vm')?.key ?? '');
  await page.evaluate(() => window.dockhand.vmCompare.bootVm());
  await page.waitForFunction((prev) => {
    const c = window.dockhand.vmCompare;
    return c.vmError !== null || (c.vmState === 'running' && (c.last('vm')?.key ?? '') !== prev);
  }, before, { timeout: 60_000 });
  const { ms, error } = await page.evaluate(() => ({ ms: window.dockhand.vmCompare.last('vm')?.ms ?? null, error: window.dockhand.vmCompare.vmError }));
  if (error || ms === null) throw new Error(`the VM did not boot: ${error}`);
  return ms;
}

async function runContainer(page: Page): Promise<number> {
  const { ms, error } = await page.evaluate(async () => {
    const c = window.dockhand.vmCompare;
    await c.startContainer();
    return { ms: c.last('container')?.ms ?? null, error: c.error };
  });
  if (error || ms === null) throw new Error(`the container did not run: ${error}`);
  return ms;
}

/** PSS of the largest renderer (the tab running the machines), in MB. */
async function rendererPssMb(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo') as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const pss = processInfo.filter((p) => p.type === 'renderer').map((p) => {
    try {
      const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8'))?.[1];
      return kb ? Number(kb) / 1024 : 0;
    } catch {
      return 0; // the process ended
    }
  });
  if (!pss.length) throw new Error('CDP listed no renderer process');
  return Math.round(Math.max(...pss));
}

export async function benchVmPage(browser: Browser, url: string, runs: number): Promise<VmPageResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openUntilPrompt(page, url, '#/vm');
    await page.waitForFunction(() => window.dockhand?.vmCompare !== undefined);
    const vmBootMs: number[] = [];
    const containerRunMs: number[] = [];
    // alternate, so both see the same page, the same moment and the same load
    for (let i = 0; i < runs; i++) {
      vmBootMs.push(await bootVm(page));
      containerRunMs.push(await runContainer(page));
    }
    // the machines switched off between runs are garbage until a GC: count what is alive
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { vmBootMs, containerRunMs, tabMemoryMb: await rendererPssMb(browser) };
  } finally {
    await context.close();
  }
}
