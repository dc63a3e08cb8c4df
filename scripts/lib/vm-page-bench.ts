// The VM page measured in one Chromium page, in one run, driven through the page's own state
// (window.dockhand.vmCompare): VM boots (host clock, start → prompt; a new v86 machine each time)
// of both kinds, the Linux VM (Linux 6.1) and DockOS, and `docker run --rm busybox true` (guest
// clock, qjs os.now: the page's first run, then its steady state after warm-up), and the tab's
// memory with both machines running (the host and the Linux VM), where a student is after one
// container measurement and one Linux VM boot, and again after all the runs.
//
// Tab memory: the PSS of the tab's renderer process (/proc/<pid>/smaps_rollup), found through
// CDP's SystemInfo.getProcessInfo. PSS counts every page the renderer really touched (both
// machines' wasm memory, the checkpoint the page keeps, the JS heap), shared pages split fairly;
// performance.memory would miss the wasm memory, and measureUserAgentSpecificMemory needs
// cross-origin isolation, which the app does not have.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openUntilPrompt } from './app-page';

type Kind = 'linux' | 'dockos';
type Compare = {
  vmState: string;
  startContainer(): Promise<void>;
  bootVm(kind?: Kind): void;
  lastBoot(kind: Kind): { key: string; ms: number | null } | null;
  container: { firstMs: number; steadyMs: number; warmupRuns: number } | null;
  error: string | null;
  vmError: string | null;
};
declare const window: { dockhand: { vmCompare: Compare } };

export interface VmPageResult {
  /** the Linux VM's cold boots */
  vmBootMs: number[];
  dockosBootMs: number[];
  /** the steady container run of each measurement */
  containerRunMs: number[];
  /** the first run of the page's first measurement (v86's JIT cold after the restore) */
  containerFirstMs: number;
  warmupRuns: number[];
  /** renderer PSS with the host and the Linux VM running, after one container measurement */
  tabMemoryMb: number;
  /** the same after every run (the host's guest and JIT have grown with ~100 docker runs) */
  tabMemoryAfterRunsMb: number;
}

async function bootVm(page: Page, kind: Kind): Promise<number> {
  const before = await page.evaluate((k) => window.dockhand.vmCompare.lastBoot(k)?.key ?? '', kind);
  await page.evaluate((k) => window.dockhand.vmCompare.bootVm(k), kind);
  await page.waitForFunction(([k, prev]) => {
    const c = window.dockhand.vmCompare;
    return c.vmError !== null || (c.vmState === 'running' && (c.lastBoot(k as Kind)?.key ?? '') !== prev);
  }, [kind, before] as const, { timeout: 90_000 });
  const { ms, error } = await page.evaluate((k) => ({ ms: window.dockhand.vmCompare.lastBoot(k)?.ms ?? null, error: window.dockhand.vmCompare.vmError }), kind);
  if (error || ms === null) throw new Error(`the ${kind} VM did not boot: ${error}`);
  return ms;
}

async function runContainer(page: Page): Promise<{ firstMs: number; steadyMs: number; warmupRuns: number }> {
  const { container, error } = await page.evaluate(async () => {
    const c = window.dockhand.vmCompare;
    await c.startContainer();
    return { container: c.container, error: c.error };
  });
  if (error || !container) throw new Error(`the container did not run: ${error}`);
  return container;
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

/** Forces a GC (the machines switched off between runs are garbage until one), then the renderer's PSS. */
async function liveTabMb(browser: Browser, context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return rendererPssMb(browser);
}

/**
 * One page, in this order: a container measurement (its first run is the page's first, JIT cold)
 * and a Linux VM boot, the tab's memory there (where a student is after one of each: both machines
 * running); DockOS boots; then more container measurements alternating with Linux VM boots (so
 * both see the same page, the same moment and the same load), the tab's memory again after all.
 */
export async function benchVmPage(browser: Browser, url: string, runs: number): Promise<VmPageResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openUntilPrompt(page, url, '#/vm');
    await page.waitForFunction(() => window.dockhand?.vmCompare !== undefined);
    const vmBootMs: number[] = [];
    const containerRunMs: number[] = [];
    const warmupRuns: number[] = [];
    const measureContainer = async () => {
      const run = await runContainer(page);
      containerRunMs.push(run.steadyMs);
      warmupRuns.push(run.warmupRuns);
      return run;
    };
    const containerFirstMs = (await measureContainer()).firstMs;
    vmBootMs.push(await bootVm(page, 'linux'));
    const tabMemoryMb = await liveTabMb(browser, context, page);
    const dockosBootMs: number[] = [];
    for (let i = 0; i < runs; i++) dockosBootMs.push(await bootVm(page, 'dockos'));
    for (let i = 1; i < runs; i++) {
      await measureContainer();
      vmBootMs.push(await bootVm(page, 'linux'));
    }
    const tabMemoryAfterRunsMb = await liveTabMb(browser, context, page);
    return { vmBootMs, dockosBootMs, containerRunMs, containerFirstMs, warmupRuns, tabMemoryMb, tabMemoryAfterRunsMb };
  } finally {
    await context.close();
  }
}
