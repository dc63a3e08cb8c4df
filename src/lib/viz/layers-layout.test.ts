import { describe, expect, it } from 'vitest';
import { benchState } from './bench-fixture';
import { layoutLayers } from './layers-layout';

const SIZE = { width: 960, height: 600 };

describe('layers layout', () => {
  const state = benchState(6);
  const layout = layoutLayers(state, SIZE);

  it('draws every distinct layer once and a linked slot where an image reuses one', () => {
    const distinct = new Set(state.images.flatMap((i) => i.layers.map((l) => l.diffId)));
    expect(layout.layers).toHaveLength(distinct.size);
    const base = state.sharedLayers[0].diffId;
    const drawn = layout.layers.find((l) => l.diffId === base)!;
    expect(drawn.usedBy).toHaveLength(4);
    const ghosts = layout.ghosts.filter((g) => g.diffId === base);
    expect(ghosts).toHaveLength(3);
    for (const g of ghosts) {
      expect(g.home).toBe(drawn.key);
      expect(g.y).toBe(drawn.y); // same level: it is the bottom layer everywhere
      expect(g.link).toMatch(/^M/);
    }
  });

  it('stacks layers bottom first, columns side by side', () => {
    const httpd = state.images.find((i) => i.refs[0].startsWith('httpd'))!;
    const ys = httpd.layers.slice(1).map((l) => layout.layers.find((n) => n.diffId === l.diffId)!.y);
    expect(ys[0]).toBeGreaterThan(ys[1]);
    const xs = layout.columns.map((c) => c.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(layout.columns.at(-1)!.x + layout.columns.at(-1)!.width).toBeLessThanOrEqual(SIZE.width);
  });

  it('puts each container on top of its own image and marks changes', () => {
    const c = state.containers[1];
    const l = layoutLayers(state, SIZE, [
      { containerId: c.id, path: '/etc/passwd', kind: 'C' }, { containerId: c.id, path: '/bin/ls', kind: 'D' },
    ]);
    expect(l.writables).toHaveLength(state.containers.length);
    const w = l.writables.find((x) => x.containerId === c.id)!;
    const col = l.columns.find((x) => x.id === w.imageId)!;
    expect(`sha256:${col.id}`).toBe(c.imageId);
    expect(w.y + w.height).toBeLessThanOrEqual(col.stackTop);
    expect(w.counts).toEqual({ A: 0, C: 1, D: 1 });
    expect(w.upper).toBe(c.rootfs.upper);
  });

  it('copes with no images and containers whose image is gone', () => {
    const s = benchState(2);
    const l = layoutLayers({ ...s, images: [], sharedLayers: [] }, SIZE);
    expect(l.layers).toEqual([]);
    expect(l.unplaced).toHaveLength(2);
  });
});
