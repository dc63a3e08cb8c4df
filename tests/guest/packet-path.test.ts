// The packet path the network picture draws, from real guest state: engine.state reports the
// DNS server's last answers, the VM's interfaces with their packet counters, and (once a port
// is published) the NAT rules' counters; packetPath (src/lib/viz/packet-path.ts) compares two
// snapshots, as the page's store does after each command.
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForNftables } from '../../src/lib/guest/node';
import { packetPath } from '../../src/lib/viz/packet-path';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

describe('the packet path in engine.state', () => {
  beforeAll(async () => {
    await guest().addonsDelivered;
  }, TEST_TIMEOUT);

  it("the VM's own interfaces: lo and no network card, every bridge and veth counted", async () => {
    const state = await guest().engineState();
    const names = (await run(guest(), 'ls /sys/class/net')).split(/\s+/).filter(Boolean).sort();
    expect(state.interfaces!.map((i) => i.name).sort()).toEqual(names);
    expect(state.interfaces!.find((i) => i.name === 'lo')).toMatchObject({ kind: 'loopback' });
    expect(state.interfaces!.find((i) => i.name === 'docker0')).toMatchObject({ kind: 'bridge' });
    // no uplink: nothing but lo, bridges, veths and the kernel's dummy device (no eth0: v86 is given no NIC)
    expect(state.interfaces!.filter((i) => i.kind === 'other').map((i) => i.name).filter((n) => !/^dummy\d+$/.test(n))).toEqual([]);
  }, TEST_TIMEOUT);

  it('ping by name from one container to another: the DNS answer, both veths and the bridge', async () => {
    await run(guest(), 'docker network create pathnet && docker run -d --name pa --network pathnet busybox sleep 600 && docker run -d --name pb --network pathnet busybox sleep 600', 60_000);
    const before = await guest().engineState();
    const net = before.networks!.find((n) => n.name === 'pathnet')!;
    const [pa, pb] = ['pa', 'pb'].map((name) => net.containers.find((c) => c.name === name)!);
    // /etc/hosts holds only the container itself (as in Docker): the ping's lookup asks the DNS server
    await run(guest(), 'docker exec pa ping -c1 -W3 pb', 60_000);
    const after = await guest().engineState();
    const path = packetPath(before, after)!;
    expect(path).not.toBeNull();
    expect(path.dns).toEqual(expect.arrayContaining([expect.objectContaining({ client: pa.ip, server: net.gateway, name: 'pb', addresses: [pb.ip], rcode: 'NOERROR' })]));
    expect(path.veths).toEqual(expect.arrayContaining([pa.veth, pb.veth]));
    expect(path.moved[pa.veth].rx).toBeGreaterThanOrEqual(2); // the DNS query and the echo request, at least
    expect(path.moved[pb.veth].tx).toBeGreaterThanOrEqual(1); // the echo request switched to pb
    expect(path.bridges).toEqual(expect.arrayContaining([{ bridge: net.bridge, own: true }])); // the DNS query reached the gateway
    // a name it lacks: NXDOMAIN in the log
    await guest().exec('docker exec pa nslookup nosuchname', { timeoutMs: 30_000 });
    const again = await guest().engineState();
    expect(packetPath(after, again)!.dns).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'nosuchname', rcode: 'NXDOMAIN' })]));
  }, 180_000);

  it("wget of a published port from the VM: the DNAT rule's counter grew", async () => {
    await waitForNftables(guest(), 150_000);
    await run(guest(), 'for i in $(seq 30); do nft list table ip dockhand >/dev/null 2>&1 && exit 0; sleep 1; done; exit 1', 60_000);
    await run(guest(), 'docker run -d --name pweb -p 8081:80 httpd-demo', 60_000);
    const before = await guest().engineState();
    const dnat = (s: typeof before) => s.natCounters?.find((c) => c.kind === 'dnat' && c.hostPort === 8081);
    expect(dnat(before)).toMatchObject({ protocol: 'tcp', container: 'pweb', toPort: 80 });
    expect(await run(guest(), 'wget -qO- -T 5 localhost:8081')).toMatch(/Hello from a container!/);
    const after = await guest().engineState();
    expect(dnat(after)!.packets).toBeGreaterThan(dnat(before)!.packets);
    const path = packetPath(before, after)!;
    expect(path.nat.map((n) => n.counter.hostPort)).toEqual([8081]);
    const web = after.networks!.find((n) => n.name === 'bridge')!.containers.find((c) => c.name === 'pweb')!;
    expect(path.veths).toContain(web.veth);
    expect(path.bridges.map((b) => b.bridge)).toContain('docker0');
    // nothing moved since: no path (the picture clears it)
    expect(packetPath(after, await guest().engineState())?.nat ?? []).toEqual([]);
    await run(guest(), 'docker rm -f pweb pa pb && docker network rm pathnet', 60_000);
  }, 300_000);
});
