// viz_update_ms_20 in a real browser: the PicturesPanel mounted on an EngineStore whose
// source answers at once with a 20-container fixture; each run is one snapshot arriving
// (store update: the change diff and the lifecycle history), every derived layout, Svelte's
// DOM update (flushSync) and the browser's style and layout of the new SVG (a forced reflow),
// all on the main thread. The state changes from run to run so every picture really redraws.
// With ?show=<picture>&n=<containers>&lang=<en|ko> it draws that picture once from the fixture
// instead (the e2e test's screenshots): container 0's changes arrive in a second snapshot, so
// the layers picture marks them fresh, and the network picture the packets' path.
import { flushSync, mount, unmount } from 'svelte';
import type { EngineEvent, EngineState } from '../../../protocol/engine';
import { benchBuild, benchState, benchXray } from '../bench-fixture';
import { EngineStore } from '../engine-store.svelte';
import PicturesPanel, { type Picture } from '../PicturesPanel.svelte';

/** Snapshot `i`: one more file in a writable layer, one container paused or not, one port more or less, a packet path. */
function variant(i: number, containers: number): EngineState {
  const s = benchState(containers, 1_715_000_000_000 + i, i);
  const c = s.containers[i % containers];
  c.upperDir = { entries: [...(c.upperDir?.entries ?? []), { path: `/tmp/run-${i}`, kind: 'file', lower: false }], truncated: false };
  const d = s.containers[(i + 1) % containers];
  d.state = d.state === 'paused' ? 'running' : 'paused';
  const e = s.containers[(i + 2) % containers];
  e.ports = i % 2 ? [] : [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 9000 + i }];
  return s;
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Result { picture: Picture; samples: number[]; median: number; elements: number }

async function run(picture: Picture, runs: number, containers: number): Promise<Result> {
  let next = variant(0, containers);
  const listeners = new Set<(e: EngineEvent) => void>();
  const store = new EngineStore(
    { engineState: async () => next, onEngineEvent: (cb) => { listeners.add(cb); return () => listeners.delete(cb); } },
    { refreshNow: false },
  );
  const target = document.getElementById('app')!;
  const app = mount(PicturesPanel, { target, props: { store, picture, lang: 'en' } });
  listeners.forEach((l) => l(benchXray()));
  await store.refresh();
  flushSync();
  const samples: number[] = [];
  const warmup = 5;
  for (let i = 1; i <= runs + warmup; i++) {
    next = variant(i, containers);
    await nextFrame();
    const t0 = performance.now();
    await store.refresh(); // the source answers at once: only microtasks, no idle time, in between
    flushSync();
    void (target.getBoundingClientRect().height + document.body.offsetHeight); // style and layout now, not at the next frame
    const ms = performance.now() - t0;
    if (i > warmup) samples.push(ms);
  }
  const elements = target.querySelectorAll('svg *').length;
  unmount(app);
  store.dispose();
  return { picture, samples, median: median(samples), elements };
}

/** What the lifecycle events of a burst cost the page before any snapshot (they must not block the terminal). */
function eventMs(runs: number): number {
  const listeners = new Set<(e: EngineEvent) => void>();
  const store = new EngineStore({ engineState: () => new Promise(() => {}), onEngineEvent: (cb) => { listeners.add(cb); return () => listeners.delete(cb); } }, { refreshNow: false });
  const samples: number[] = [];
  const batch = 100; // a burst takes less than the browser's clock resolution: time 100 and divide
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) {
      for (const op of ['container.created', 'container.started', 'container.exited', 'container.removed'] as const) {
        listeners.forEach((l) => l({ op, containerId: `c${i}-${k}`, name: `c${k}`, time: i }));
      }
    }
    samples.push((performance.now() - t0) / batch);
  }
  store.dispose();
  return median(samples);
}

declare global {
  interface Window { vizBench(runs: number, containers: number): Promise<{ pictures: Result[]; eventMs: number }> }
}

/** One picture from the fixture, for a screenshot. */
async function show(picture: Picture, containers: number, lang: 'en' | 'ko'): Promise<void> {
  const first = benchState(containers);
  if (first.containers[0]) first.containers[0].upperDir = { entries: [], truncated: false };
  let next = first;
  const listeners = new Set<(e: EngineEvent) => void>();
  const store = new EngineStore(
    { engineState: async () => next, onEngineEvent: (cb) => { listeners.add(cb); return () => listeners.delete(cb); } },
    { refreshNow: false },
  );
  await store.refresh();
  // the x-ray and build pictures draw events: the fixture's docker run and docker build (the
  // x-ray asks for a snapshot: let it come before the second one)
  for (const event of [benchXray(), ...benchBuild()]) listeners.forEach((l) => l(event));
  await store.refresh();
  // the second snapshot's counters grew: the network picture draws a packet path (DNS, veths, bridge, NAT)
  next = benchState(containers, undefined, 1);
  await store.refresh();
  mount(PicturesPanel, { target: document.getElementById('app')!, props: { store, picture, lang } });
  flushSync();
}

window.vizBench = async (runs, containers) => {
  const pictures: Result[] = [];
  for (const p of ['namespaces', 'layers', 'volumes', 'network', 'lifecycle'] as const) pictures.push(await run(p, runs, containers));
  return { pictures, eventMs: eventMs(runs) };
};
const query = new URLSearchParams(location.search);
const shown = query.get('show') as Picture | null;
if (shown) await show(shown, Number(query.get('n') ?? 6), query.get('lang') === 'ko' ? 'ko' : 'en');
document.documentElement.dataset.ready = 'true';
