import { describe, expect, it } from 'vitest';
import { benchState, HOST_NS } from './bench-fixture';
import { layoutNamespaces } from './namespaces-layout';

const SIZE = { width: 960, height: 600 };

describe('namespaces layout', () => {
  const state = benchState(5);
  const layout = layoutNamespaces(state, SIZE);

  it('makes one box for the VM and one per container pid namespace, each container inside the VM', () => {
    const host = layout.boxes.find((b) => b.kind === 'host')!;
    expect(host.inode).toBe(HOST_NS.pid);
    const containers = layout.boxes.filter((b) => b.kind === 'container');
    expect(containers.map((b) => b.containerId)).toEqual(state.containers.map((c) => c.id));
    for (const b of containers) {
      expect(b.depth).toBe(1);
      expect(b.x).toBeGreaterThanOrEqual(host.x);
      expect(b.y + b.height).toBeLessThanOrEqual(host.y + host.height);
      expect(b.x + b.width).toBeLessThanOrEqual(host.x + host.width + 0.001);
    }
  });

  it('places every process once, in its namespace box, with host pid and pid inside', () => {
    expect(layout.processes).toHaveLength(state.processes.length);
    const c0 = state.containers[0];
    const pid1 = layout.processes.find((p) => p.pid === c0.pid)!;
    expect(pid1).toMatchObject({ pidInside: 1, containerId: c0.id, box: `pid:${c0.ns!.pid}` });
    expect(pid1.text).toContain('host');
    const box = layout.boxes.find((b) => b.key === pid1.box)!;
    expect(pid1.y).toBeGreaterThan(box.y);
    expect(pid1.y + pid1.height).toBeLessThanOrEqual(box.y + box.height);
  });

  it('reports the inode of every namespace type and which are shared with the VM', () => {
    const sharesNet = layout.boxes.find((b) => b.containerIndex === 3)!;
    expect(sharesNet.sharedWithHost).toEqual(['net']);
    expect(sharesNet.inodes.net).toEqual([HOST_NS.net]);
    const own = layout.boxes.find((b) => b.containerIndex === 0)!;
    expect(own.sharedWithHost).toEqual([]);
    expect(own.inodes.mnt).toEqual([state.containers[0].ns!.mnt]);
  });

  it('nests a namespace made inside a container under that container', () => {
    const s = benchState(1);
    const outer = s.containers[0];
    const inner = { pid: 500, ppid: outer.pid, name: 'unshare-child', nspid: [500, 7, 1], ns: { ...outer.ns, pid: 4026539999 } };
    const l = layoutNamespaces({ ...s, processes: [...s.processes, inner] }, SIZE);
    expect(l.boxes.find((b) => b.inode === 4026539999)!.depth).toBe(2);
  });

  it('draws an empty VM box when there are no processes', () => {
    const l = layoutNamespaces({ ...benchState(0), processes: [] }, SIZE);
    expect(l.boxes).toHaveLength(1);
    expect(l.height).toBeGreaterThan(0);
  });
});
