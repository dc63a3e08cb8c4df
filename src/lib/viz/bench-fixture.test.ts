// The layouts alone for 20 containers (Node): prints the median of 20 runs; asserts only
// correctness so a slow CI machine cannot flake it. viz_update_ms_20 itself (store update +
// layouts + Svelte render, in Chromium) is `npm run bench -- --only viz`.
import { describe, expect, it } from 'vitest';
import { benchState, benchXray, computeAllLayouts } from './bench-fixture';

describe('bench fixture and computeAllLayouts', () => {
  it('the fixture looks like the engine: processes, namespaces, cgroups, shared layers', () => {
    const s = benchState(20);
    expect(s.containers).toHaveLength(20);
    expect(s.processes.length).toBeGreaterThanOrEqual(40 + 40);
    for (const c of s.containers) {
      expect(c.processes.length).toBeGreaterThanOrEqual(2);
      expect(c.processes.length).toBeLessThanOrEqual(3);
      expect(c.ns?.pid).toBeTypeOf('number');
      expect(c.cgroup?.path).toContain(c.id);
      expect(c.rootfs.lower.length).toBeGreaterThan(0);
    }
    expect(s.images).toHaveLength(4);
    expect(s.sharedLayers[0].images).toHaveLength(4);
  });

  it('computes every layout for 20 containers', () => {
    const state = benchState(20);
    const xray = benchXray();
    const times: number[] = [];
    let layouts = computeAllLayouts(state, { width: 960, height: 600 }, { xray });
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      layouts = computeAllLayouts(state, { width: 960, height: 600 }, { xray });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = (times[9] + times[10]) / 2;
    console.log(`layouts for 20 containers: median ${median.toFixed(3)} ms (20 runs)`);
    expect(layouts.namespaces.boxes.filter((b) => b.kind === 'container')).toHaveLength(20);
    expect(layouts.layers.writables).toHaveLength(20);
    expect(layouts.volumes.containers.length).toBeGreaterThan(0);
    expect(layouts.network.containers.length + layouts.network.apart.length).toBe(20);
    expect(layouts.lifecycle.tokens).toHaveLength(20);
    expect(layouts.xray.bars).toHaveLength(xray.steps.length);
  });
});
