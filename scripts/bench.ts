// `npm run bench [-- --json] [-- --runs N]`: boot times in Node and in Chromium, and the
// bytes a browser downloads before its first usable prompt. Medians of N runs (default 3).
// Build first (`npm run build`): the Chromium part uses dist/. `--only viz`: just the pictures'
// viz_update_ms_20 (no emulator, no build of the app needed). `--only engine`: the engine's
// commands in the guest under Node (no browser, no build of the app needed).
import type { Browser } from 'playwright-core';
import { bootNodeGuest, waitForNftables } from '../src/lib/guest/node';
import { launchChromium, serveBuiltApp } from './lib/browser';
import { openUntilPrompt } from './lib/app-page';
import { benchVmPage } from './lib/vm-page-bench';
import { benchViz } from './lib/viz-bench';
import { buildState } from './build-state';
import { BENCH_WARMUP, timeInGuest, type SteadyOptions } from '../src/lib/guest/timed-command';

const json = process.argv.includes('--json');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
/** `--only vm-page`: just the VM page's measurements (a second VM vs a container, in one page) */
const ONLY_VM_PAGE = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'vm-page';
/** `--only viz`: just the pictures' main-thread cost per snapshot (scripts/lib/viz-bench.ts) */
const ONLY_VIZ = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'viz';
/** `--only engine`: just the engine's commands timed in the guest (Node; no browser) */
const ONLY_ENGINE = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'engine';
const log = (...args: unknown[]) => { if (!json) console.error(...args); };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
};

async function repeat(name: string, once: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once());
  log(`${name}: ${samples.join(', ')} → median ${median(samples)}`);
  return median(samples);
}

async function nodeBoot(mode: 'cold' | 'snapshot'): Promise<number> {
  const started = performance.now();
  const guest = await bootNodeGuest({ mode });
  const ms = performance.now() - started;
  if (guest.bootMode !== mode) throw new Error(`asked for a ${mode} boot, got ${guest.bootMode}: ${guest.snapshotFallbackReason}`);
  await guest.destroy();
  return ms;
}

/**
 * Times guest commands from inside the guest (QuickJS's os.exec and os.now, a ms clock with µs resolution), so
 * the numbers are the student's wait and not the control channel's. A freshly restored machine runs a new code
 * path several times slower at first (v86 compiles guest code to wasm as it goes; its JIT cache is not in the
 * saved state): `first` is that first run, `samples` the runs after the warm-up (`warmup` untimed runs, then,
 * with `steady`, batches until the median stops falling: see src/lib/guest/timed-command.ts).
 */
async function guestCommandMs(command: string[], runs: number, cleanup?: string[], warmup = 3, steady?: SteadyOptions): Promise<{ first: number; samples: number[]; warmupRuns: number }> {
  const guest = await bootNodeGuest({ addonDelayMs: 0 });
  try {
    await waitForNftables(guest); // steady state: the add-on unpacked (a few seconds of guest CPU after boot)
    const { warmup: warm, samples } = await timeInGuest(guest, command, { runs, warmup, between: cleanup, steady, timeoutMs: 600_000 });
    return { first: warm[0] ?? samples[0], samples, warmupRuns: warm.length };
  } finally {
    await guest.destroy();
  }
}

/** Page open → prompt usable, in a fresh browser context (empty cache); also counts bytes. */
async function chromiumBoot(browser: Browser, url: string, query: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; });
  const ms = await openUntilPrompt(page, url, query);
  const before = bytes; // what came after the prompt (the nftables add-on) is not the first shell's
  await context.close();
  return { ms, bytes: before };
}

if (ONLY_ENGINE) {
  await buildState({ log });
  const results: Record<string, number> = {};
  await engineCommands(results);
  results.runs = RUNS;
  console.log(json ? JSON.stringify(results) : JSON.stringify(results, null, 2));
  process.exit(0);
}
if (!ONLY_VIZ) await buildState({ log });
const server = ONLY_VIZ ? null : await serveBuiltApp();
const browser = await launchChromium();
try {
  const results: Record<string, number> = {};
  if (server) await vmPage(browser, server.url, results);
  if (server && !ONLY_VM_PAGE) await everythingElse(browser, server.url, results);
  if (!ONLY_VM_PAGE) await viz(browser, results);
  results.runs = RUNS;
  console.log(json ? JSON.stringify(results) : JSON.stringify(results, null, 2));
} finally {
  await browser.close();
  await server?.close();
}
process.exit(0);

/**
 * The VM page, in one Chromium page and one run: the Linux VM (Linux 6.1) and DockOS boot (a new
 * v86 machine each time, host clock start → prompt), `docker run --rm busybox true` (guest clock:
 * the page's first run, and its steady state after warm-up), alternating with the Linux VM's boots,
 * and the tab's memory (renderer PSS) with the host and the Linux VM running: after one container
 * measurement (tab_memory_mb_two_vms), and after every run. See scripts/lib/vm-page-bench.ts.
 */
async function vmPage(browser: Browser, url: string, results: Record<string, number>): Promise<void> {
  const r = await benchVmPage(browser, url, Math.max(RUNS, 3));
  const ratio = (vm: number, container: number) => Math.round((vm / container) * 10) / 10;
  results.vm_boot_cold_ms_chromium = median(r.vmBootMs);
  results.dockos_boot_cold_ms_chromium = median(r.dockosBootMs);
  results.container_run_true_ms_page = median(r.containerRunMs);
  results.container_run_true_first_ms_page = r.containerFirstMs;
  results.vm_to_container_ratio = ratio(results.vm_boot_cold_ms_chromium, results.container_run_true_ms_page);
  results.dockos_to_container_ratio = ratio(results.dockos_boot_cold_ms_chromium, results.container_run_true_ms_page);
  results.tab_memory_mb_two_vms = r.tabMemoryMb;
  results.tab_memory_mb_two_vms_after_runs = r.tabMemoryAfterRunsMb;
  log(`vm_boot_cold_ms_chromium (Linux 6.1 VM): ${r.vmBootMs.join(', ')} → median ${results.vm_boot_cold_ms_chromium}`);
  log(`dockos_boot_cold_ms_chromium: ${r.dockosBootMs.join(', ')} → median ${results.dockos_boot_cold_ms_chromium}`);
  log(`container_run_true_ms_page (steady): ${r.containerRunMs.join(', ')} → median ${results.container_run_true_ms_page}; after ${r.warmupRuns.join(', ')} warm-up runs; first run ${r.containerFirstMs}`);
  log(`vm_to_container_ratio: ${results.vm_to_container_ratio}; dockos_to_container_ratio: ${results.dockos_to_container_ratio}`);
  log(`tab_memory_mb_two_vms: ${r.tabMemoryMb} (renderer PSS, host + Linux VM, after one container measurement); after every run: ${r.tabMemoryAfterRunsMb}`);
}

/** viz_update_ms_20: the slowest picture's median main-thread time per snapshot, 20 containers (budget 16 ms). */
async function viz(browser: Browser, results: Record<string, number>): Promise<void> {
  const { updateMs, perPicture, eventMs } = await benchViz(browser, Math.max(RUNS, 21));
  results.viz_update_ms_20 = Math.round(updateMs * 10) / 10;
  results.viz_events_ms = Math.round(eventMs * 1000) / 1000;
  for (const [picture, r] of Object.entries(perPicture)) {
    log(`viz_update_ms_20 ${picture}: ${r.samples.map((t) => t.toFixed(1)).join(', ')} → median ${r.median.toFixed(1)} (${r.elements} SVG elements)`);
  }
  log(`viz_update_ms_20 (slowest picture): ${results.viz_update_ms_20}; a burst of 4 lifecycle events: ${results.viz_events_ms} ms`);
}

async function everythingElse(browser: Browser, url: string, results: Record<string, number>): Promise<void> {
  results.boot_cold_ms_node = await repeat('boot_cold_ms_node', () => nodeBoot('cold'));
  results.boot_snapshot_ms_node = await repeat('boot_snapshot_ms_node', () => nodeBoot('snapshot'));
  results.boot_cold_ms_chromium = await repeat('boot_cold_ms_chromium', async () => (await chromiumBoot(browser, url, '?boot=cold')).ms);
  const snapshotBytes: number[] = [];
  results.boot_snapshot_ms_chromium = await repeat('boot_snapshot_ms_chromium', async () => {
    const { ms, bytes } = await chromiumBoot(browser, url, '');
    snapshotBytes.push(bytes);
    return ms;
  });
  results.first_shell_bytes = median(snapshotBytes);
  log(`first_shell_bytes: ${snapshotBytes.join(', ')}`);
  await engineCommands(results);
}

/** The engine's commands timed in the guest (Node): CLI start, run, ten detached, build, compose, ping by name. */
async function engineCommands(results: Record<string, number>): Promise<void> {
  for (const [name, command] of [
    ['engine_cli_start_ms', ['docker', 'version']],
    ['container_run_true_ms', ['docker', 'run', '--rm', 'busybox', 'true']],
  ] as const) {
    // warmed until steady: at least 60 runs, then batches of 10 until the median stops falling (timed-command.ts)
    const { first, samples, warmupRuns } = await guestCommandMs([...command], Math.max(RUNS, 10), undefined, 0, BENCH_WARMUP);
    results[name] = median(samples);
    results[name.replace(/_ms$/, '_first_ms')] = Math.round(first);
    results[name.replace(/_ms$/, '_warmup_runs')] = warmupRuns;
    log(`${name}: first ${first.toFixed(1)}; steady after ${warmupRuns} runs: ${samples.map((t) => t.toFixed(1)).join(', ')} → median ${results[name]}`);
  }
  // ten detached containers started one after the other (total); killed (and --rm'd) after each run, untimed
  {
    const start10 = ['sh', '-c', 'for i in 0 1 2 3 4 5 6 7 8 9; do docker run -d --rm busybox sleep 1000; done'];
    const killAll = ['sh', '-c', 'for c in $(ls /var/lib/dockhand/containers); do docker kill $c; done 2>/dev/null; sleep 1'];
    const { samples } = await guestCommandMs(start10, Math.max(RUNS, 3), killAll, 1);
    results.container_run_10_ms = median(samples);
    log(`container_run_10_ms: ${samples.map((t) => t.toFixed(1)).join(', ')} → median ${results.container_run_10_ms}`);
  }
  // docker build of the seed's Dockerfile shape (FROM, RUN, COPY): every step built, then all from the cache
  {
    const seed = "mkdir -p /tmp/seed && cd /tmp/seed && printf 'print(1)\\n' > app.py && printf 'FROM busybox\\nRUN mkdir -p /opt/tools && echo curl > /opt/tools/installed\\nCOPY app.py /app.py\\n' > Dockerfile";
    for (const [name, flags] of [['build_seed_cold_ms', '--no-cache '], ['build_seed_cached_ms', '']] as const) {
      const { first, samples } = await guestCommandMs(['sh', '-c', `${seed} && docker build -q ${flags}-t seed .`], Math.max(RUNS, 5), undefined, 3);
      results[name] = median(samples);
      log(`${name}: first ${first.toFixed(1)}; ${samples.map((t) => t.toFixed(1)).join(', ')} → median ${results[name]}`);
    }
  }
  // docker compose up -d of a two-service file (web publishing a port, a store with a volume), then down -v (not timed)
  {
    const file = "mkdir -p /tmp/c2 && cd /tmp/c2 && printf 'services:\\n  web:\\n    image: httpd-demo\\n    ports: [\"8080:80\"]\\n    depends_on: [store]\\n  store:\\n    image: busybox\\n    command: sleep 1000\\n    volumes: [data:/data]\\nvolumes:\\n  data:\\n' > compose.yaml";
    const { first, samples } = await guestCommandMs(['sh', '-c', `${file} && docker compose up -d 2>/dev/null`], Math.max(RUNS, 5),
      ['sh', '-c', 'cd /tmp/c2 && docker compose down -v -t 0 2>/dev/null'], 2);
    results.compose_up_2svc_ms = median(samples);
    log(`compose_up_2svc_ms: first ${first.toFixed(1)}; ${samples.map((t) => t.toFixed(1)).join(', ')} → median ${results.compose_up_2svc_ms}`);
  }
  // ping by name on a user-defined network: `docker exec` of one ping (name lookup, one echo) in a running client
  {
    const setup = 'docker network create pingnet >/dev/null 2>&1; for n in pingdb pingc; do docker run -d --name $n --network pingnet busybox sleep 100000 >/dev/null 2>&1; done';
    const { first, samples } = await guestCommandMs(['sh', '-c', `${setup}; docker exec pingc ping -c1 -W2 pingdb >/dev/null`], Math.max(RUNS, 5));
    results.ping_by_name_ms = median(samples);
    log(`ping_by_name_ms (docker exec pingc ping -c1 pingdb): first ${first.toFixed(1)}; ${samples.map((t) => t.toFixed(1)).join(', ')} → median ${results.ping_by_name_ms}`);
  }
}
