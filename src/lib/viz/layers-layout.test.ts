import { describe, expect, it } from 'vitest';
import { benchState } from './bench-fixture';
import { LAYER_METRICS, layoutLayers } from './layers-layout';

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

describe('layers layout: writable-layer changes', () => {
  const state = benchState(8);
  const [a, b] = [state.containers[0], state.containers[4]]; // both on busybox, side by side or stacked
  const changes = [
    { containerId: a.id, path: '/etc/motd', kind: 'D' as const },
    { containerId: a.id, path: '/etc/hosts.allow', kind: 'C' as const, fresh: true },
    ...['/x1', '/x2', '/x3', '/x4', '/x5'].map((path) => ({ containerId: b.id, path, kind: 'A' as const })),
  ];
  const l = layoutLayers(state, SIZE, changes);
  const wa = l.writables.find((w) => w.containerId === a.id)!;
  const wb = l.writables.find((w) => w.containerId === b.id)!;

  it('lists a container\'s changed paths in its chip, the fresh ones first', () => {
    expect(wa.fresh).toBe(true);
    expect(wa.lines.map((x) => [x.kind, x.path, x.fresh])).toEqual([['C', '/etc/hosts.allow', true], ['D', '/etc/motd', false]]);
    expect(wa.lines[1].y).toBeGreaterThan(wa.lines[0].y);
    expect(wa.lines.at(-1)!.y + LAYER_METRICS.lineH).toBeLessThanOrEqual(wa.height);
  });

  it('caps the lines and counts the rest; chips stack without gaps or overlaps', () => {
    expect(wb.lines).toHaveLength(LAYER_METRICS.maxLines - 1);
    expect(wb.more).toBe(2);
    expect(wb.fresh).toBe(false);
    // the tallest column starts at the top: no empty band above the drawing
    expect(Math.min(...l.writables.map((w) => w.y), ...l.layers.map((x) => x.y))).toBe(LAYER_METRICS.pad);
    // one chip per row here: c4 stands right on c0, whatever the other columns hold
    expect(wb.y + wb.height).toBeCloseTo(wa.y - LAYER_METRICS.chipGap);
    const plain = l.writables.find((w) => w.changes.length === 0)!;
    expect(plain.height).toBe(LAYER_METRICS.chipH);
    // chips never overlap one another nor the stack they stand on
    for (const w of l.writables) {
      const col = l.columns.find((c) => c.id === w.imageId)!;
      expect(w.y + w.height).toBeLessThanOrEqual(col.stackTop - LAYER_METRICS.joint + 0.001);
      expect(w.y).toBeGreaterThanOrEqual(LAYER_METRICS.pad);
      for (const o of l.writables) {
        if (o === w) continue;
        const apart = o.x >= w.x + w.width || w.x >= o.x + o.width || o.y >= w.y + w.height || w.y >= o.y + o.height;
        expect(apart).toBe(true);
      }
    }
  });

  it('counts a truncated listing as more', () => {
    const s = benchState(1);
    s.containers[0].upperDir = { entries: [], truncated: true };
    const w = layoutLayers(s, SIZE, [{ containerId: s.containers[0].id, path: '/a', kind: 'A' }]).writables[0];
    expect(w.truncated).toBe(true);
    expect(w.height).toBe(LAYER_METRICS.chipH + 2 * LAYER_METRICS.lineH + 4);
  });
});
