import { describe, expect, it } from 'vitest';
import { benchState, HOST_NS } from './bench-fixture';
import { layoutNetwork, NET_METRICS, networkMode } from './network-layout';
import { packetPath } from './packet-path';

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

  it("brings published ports from the VM's wall to the container (no uplink: nothing comes from outside)", () => {
    const published = l.containers.find((c) => c.ports.length)!;
    const p = published.ports[0];
    expect(p.text).toBe(`0.0.0.0:${p.hostPort} → 80/tcp`);
    expect(p.x1).toBeLessThan(l.outsideX);
    expect(p.x1).toBeGreaterThan(p.x2);
    expect(p.x2).toBe(published.x + published.width);
    expect(published.x + published.width).toBeLessThan(l.outsideX);
  });

  it("draws the VM's own devices (lo, dummy0: no bridge, no veth) and room for the no-uplink note, inside the VM", () => {
    expect(l.vmIfs.map((i) => `${i.name} ${i.kind} ${i.operstate}`)).toEqual(['lo loopback unknown', 'dummy0 other down']);
    for (const i of l.vmIfs) expect(i.y).toBeGreaterThan(l.vmIfsHead.y);
    expect(l.uplinkY).toBeGreaterThanOrEqual(Math.max(...l.vmIfs.map((i) => i.y + i.height)));
    expect(l.vm.y + l.vm.height).toBeGreaterThanOrEqual(l.uplinkY + 2 * NET_METRICS.noteH);
    expect(l.path).toBeNull();
    expect(l.containers.every((c) => c.dns.length === 0 && c.endpoints.every((e) => !e.hot))).toBe(true);
  });

  it("marks the last command's path: hot veths and bridges, the DNS answer in the asker's box, the DNAT'ed port", () => {
    const before = benchState(8);
    const after = benchState(8, undefined, 1);
    const path = packetPath(before, after)!;
    const hot = layoutNetwork(after, SIZE, path);
    const app = after.networks![1];
    const [asker, peer] = app.containers;
    const box = hot.containers.find((c) => c.containerId === asker.id)!;
    expect(box.dns.map((d) => d.text)).toEqual([`DNS ${peer.name} → ${peer.ip}`]);
    expect(box.dns[0].y).toBeLessThan(box.y + box.height);
    expect(box.height).toBeGreaterThan(l.containers.find((c) => c.containerId === asker.id)!.height);
    expect(hot.containers.flatMap((c) => c.endpoints).filter((e) => e.hot).map((e) => e.veth).sort()).toEqual(path.veths.sort());
    expect(hot.bridges.filter((b) => b.hot).map((b) => b.bridge).sort()).toEqual(['docker0', app.bridge].sort());
    const ports = hot.containers.flatMap((c) => c.ports);
    expect(ports.filter((p) => p.natPackets).map((p) => p.hostPort)).toEqual([path.nat[0].counter.hostPort]);
    expect(hot.dnsApart).toEqual([]);
    // the summary line sits between the VM's title and the first bridge, which moves down for it
    expect(hot.pathY).toBeLessThan(hot.bridges[0].headY);
    expect(hot.bridges[0].headY).toBe(l.bridges[0].headY + NET_METRICS.noteH);
    // the asker gone (a --rm container): its answer gets a line of its own
    const gone = { ...after, containers: after.containers.filter((c) => c.id !== asker.id), networks: after.networks!.map((n) => ({ ...n, containers: n.containers.filter((e) => e.id !== asker.id) })) };
    const apart = layoutNetwork(gone, SIZE, path).dnsApart;
    expect(apart.map((d) => d.text)).toEqual([`DNS ${app.gateway} → ${asker.ip}: ${peer.name} → ${peer.ip}`]);
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
