// The page's arithmetic, kept pure: how many VMs the tab can still hold, the rows the timing
// bars draw, and the tab's memory as the browser reports it.

/** How TabMemory names a whole-tab measurement (the one that includes the machines' wasm memory). */
const WHOLE_TAB = 'measureUserAgentSpecificMemory';

/** The whole tab's budget with both machines running (the limit). */
export const TAB_BUDGET_MB = 450;

/**
 * What the tab uses, to plan more machines against: the browser's whole-tab figure when it gives
 * one; else the JS heap (which leaves out wasm memory) plus the machines' memory the page knows it
 * allocated; with nothing measured, `unknownMb`.
 */
export function plannedUseMb(memory: TabMemory | null, machinesMb: number, unknownMb = 300): number {
  if (!memory) return unknownMb;
  return memory.what === WHOLE_TAB ? memory.mb : memory.mb + machinesMb;
}

/** How many more machines of `perVmMb` fit next to what the tab already uses (at least 1, at most `cap`). */
export function maxVms(usedMb: number, perVmMb: number, cap = 8, budgetMb = TAB_BUDGET_MB): number {
  const room = Math.floor((budgetMb - usedMb) / perVmMb);
  return Math.max(1, Math.min(cap, room));
}

export type Side = 'vm' | 'container';

/** One timed thing: done (ms known) or under way (started at, host clock). */
export interface Timing {
  key: string;
  side: Side;
  label: string;
  ms: number | null;
  startedAt: number;
  /** where the number comes from, shown beside the bar */
  source: string;
}

export interface BarRow { key: string; side: Side; label: string; ms: number; live: boolean; source: string }

/** Rows for the bars: finished timings as measured, running ones as long as they have taken so far. */
export function barRows(timings: readonly Timing[], now: number): BarRow[] {
  return timings.map((t) => ({
    key: t.key, side: t.side, label: t.label, source: t.source,
    ms: t.ms ?? Math.max(0, now - t.startedAt), live: t.ms === null,
  }));
}

/** VM boot ÷ container start, one decimal; null until both are known. */
export function ratio(vmMs: number | null, containerMs: number | null): number | null {
  if (vmMs === null || containerMs === null || containerMs <= 0) return null;
  return Math.round((vmMs / containerMs) * 10) / 10;
}

export interface TabMemory { mb: number; what: string }

/**
 * The tab's memory as this browser tells it: measureUserAgentSpecificMemory (whole tab, needs
 * cross-origin isolation), else Chrome's performance.memory (JS heap only: the machines' wasm
 * memory is not in it), else nothing.
 */
export async function tabMemory(perf: Performance = performance, isolated = globalThis.crossOriginIsolated): Promise<TabMemory | null> {
  const p = perf as Performance & {
    measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
    memory?: { usedJSHeapSize: number };
  };
  if (isolated && p.measureUserAgentSpecificMemory) {
    const { bytes } = await p.measureUserAgentSpecificMemory();
    return { mb: Math.round(bytes / 2 ** 20), what: WHOLE_TAB };
  }
  if (p.memory) return { mb: Math.round(p.memory.usedJSHeapSize / 2 ** 20), what: 'performance.memory (JS heap)' };
  return null;
}

export const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
