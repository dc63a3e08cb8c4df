import { describe, expect, it } from 'vitest';
import { benchState, HOST_NS } from './bench-fixture';
import { layoutNetwork, NET_METRICS, networkMode } from './network-layout';

const SIZE = { width: 960 };

describe('network layout', () => {
  const s = benchState(8);
  const l = layoutNetwork(s, SIZE);
  const [docker0, app] = l.bridges;

  it('draws each bridge with its subnet and a bus, docker0 and the user-defined br-… apart', () => {
    expect(l.bridges.map((b) => b.bridge)).toEqual(['docker0', s.networks![1].bridge]);
    expect(docker0.text).toContain('172.17.0.0/16');
    expect(app.x).toBeGreaterThan(docker0.x);
    expect(app.headY).toBeGreaterThan(docker0.headY);
    for (const b of l.bridges) expect(b.busBottom).toBeGreaterThan(b.busTop);
  });

  it('gives a container on two networks two veth lines, each from its own bus, with the real address', () => {
    const both = l.containers.find((c) => c.endpoints.length === 2)!;
    expect(both).toBeDefined();
    expect(both.endpoints.map((e) => e.bridge)).toEqual(['docker0', app.bridge]);
    expect(both.endpoints.map((e) => e.busX)).toEqual([docker0.x, app.x]);
    expect(both.endpoints[0].y).toBeLessThan(both.endpoints[1].y);
    for (const e of both.endpoints) {
      expect(e.y).toBeGreaterThan(both.y);
      expect(e.y).toBeLessThan(both.y + both.height);
      expect(e.boxX).toBe(both.x);
    }
    const served = s.networks![1].containers.find((e) => e.id === both.containerId)!;
    expect(both.endpoints[1]).toMatchObject({ ip: served.ip, veth: served.veth });
    // the alias other than its name is shown; the container's own name is in its heading
    expect(both.endpoints[1].text).toContain(`${served.ip}/16 · svc0`);
  });

  it('brings published ports in from outside the VM to the container', () => {
    const published = l.containers.find((c) => c.ports.length)!;
    const p = published.ports[0];
    expect(p.text).toBe(`0.0.0.0:${p.hostPort} → 80/tcp`);
    expect(p.x1).toBeGreaterThan(l.outsideX);
    expect(p.x2).toBe(published.x + published.width);
    expect(published.x + published.width).toBeLessThan(l.outsideX);
  });

  it('shows --network host and none containers apart, from their network namespace', () => {
    const host = s.containers.filter((c) => c.ns?.net === HOST_NS.net);
    expect(l.apart.filter((a) => a.mode === 'host').map((a) => a.containerId)).toEqual(host.map((c) => c.id));
    expect(l.containers.some((c) => host.some((h) => h.id === c.containerId))).toBe(false);
    const none = { ...s.containers[0], id: 'n'.repeat(64), name: 'isolated', ns: { ...s.containers[0].ns, net: 4026539000 } };
    const l2 = layoutNetwork({ ...s, containers: [...s.containers, none] }, SIZE);
    expect(l2.apart.find((a) => a.containerId === none.id)?.mode).toBe('none');
    expect(l2.apartHeads.map((h) => h.mode)).toEqual(['host', 'none']);
    const bottom = Math.max(...l2.apart.map((a) => a.y + a.height));
    expect(l2.vm.y + l2.vm.height).toBeGreaterThanOrEqual(bottom);
    // a stopped container is on no network at all
    expect(networkMode({ ...none, pid: 0 }, 0, HOST_NS.net)).toBeNull();
  });

  it('keeps rows apart and inside the VM box', () => {
    l.containers.slice(1).forEach((c, i) => expect(c.y).toBeGreaterThanOrEqual(l.containers[i].y + l.containers[i].height));
    for (const c of l.containers) {
      expect(c.x).toBeGreaterThan(l.bridges.at(-1)!.x);
      expect(c.y + c.height).toBeLessThanOrEqual(l.vm.y + l.vm.height);
    }
  });

  it('copes with no networks and with ports or aliases not served (older engines)', () => {
    const bare = benchState(2);
    bare.networks = undefined;
    for (const c of bare.containers) delete c.ports;
    const e = layoutNetwork(bare, SIZE);
    expect(e.bridges).toEqual([]);
    expect(e.containers).toEqual([]);
    expect(e.height).toBeGreaterThan(NET_METRICS.header);
  });
});
