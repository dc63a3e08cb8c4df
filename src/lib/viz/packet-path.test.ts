import { describe, expect, it } from 'vitest';
import type { DnsAnswer, EngineState, NatCounter, NetInterfaceState } from '../../protocol/engine';
import { benchState } from './bench-fixture';
import { natKey, packetPath } from './packet-path';

const iface = (name: string, kind: NetInterfaceState['kind'], rx: number, tx: number): NetInterfaceState => ({ name, kind, rxPackets: rx, txPackets: tx });
const answer = (seq: number, name: string, result: string[] | string): DnsAnswer => ({
  seq, time: 1000 + seq, client: '172.18.0.2', server: '172.18.0.1', type: 'A', name,
  addresses: Array.isArray(result) ? result : [], rcode: Array.isArray(result) ? 'NOERROR' : result,
});
const dnat = (packets: number, hostPort = 8080): NatCounter => ({
  kind: 'dnat', chain: 'publish', packets, bytes: packets * 60, match: `tcp dport ${hostPort}`, protocol: 'tcp', hostIp: '0.0.0.0', hostPort, toIp: '172.17.0.2', toPort: 80, container: 'web',
});

/** Two networks: app (br-app) with ca, cb; bridge (docker0) with web. */
function snapshot(counts: Record<string, [number, number]>, extra: Partial<EngineState> = {}): EngineState {
  const base = benchState(0);
  const kinds: Record<string, NetInterfaceState['kind']> = { lo: 'loopback', dummy0: 'other', docker0: 'bridge', 'br-app': 'bridge', vethA: 'veth', vethB: 'veth', vethW: 'veth' };
  return {
    ...base,
    networks: [
      { name: 'bridge', id: 'n0', bridge: 'docker0', subnet: '172.17.0.0/16', gateway: '172.17.0.1', containers: [{ id: 'w', name: 'web', ip: '172.17.0.2', prefixLen: 16, mac: '', veth: 'vethW' }] },
      { name: 'app', id: 'n1', bridge: 'br-app', subnet: '172.18.0.0/16', gateway: '172.18.0.1', containers: [
        { id: 'a', name: 'ca', ip: '172.18.0.2', prefixLen: 16, mac: '', veth: 'vethA' },
        { id: 'b', name: 'cb', ip: '172.18.0.3', prefixLen: 16, mac: '', veth: 'vethB' },
      ] },
    ],
    interfaces: Object.entries(kinds).map(([name, kind]) => iface(name, kind, counts[name]?.[0] ?? 0, counts[name]?.[1] ?? 0)),
    dnsAnswers: [], natCounters: null, ...extra,
  };
}

describe('the packet path between two snapshots', () => {
  it('nslookup + ping by name from ca to cb: the DNS answer, both veths, the bridge (its own counters: the DNS query to its gateway)', () => {
    const before = snapshot({}, { dnsAnswers: [answer(1, 'old', ['172.18.0.9'])] });
    const after = snapshot({ vethA: [5, 5], vethB: [2, 3], 'br-app': [4, 3] }, {
      dnsAnswers: [answer(1, 'old', ['172.18.0.9']), answer(2, 'cb', ['172.18.0.3']), { ...answer(3, 'cb', 'NODATA'), type: 'AAAA' }],
    });
    const path = packetPath(before, after)!;
    expect(path.dns.map((a) => `${a.name} ${a.addresses}`)).toEqual(['cb 172.18.0.3']);
    expect(path.veths.sort()).toEqual(['vethA', 'vethB']);
    expect(path.moved.vethA).toEqual({ rx: 5, tx: 5 });
    expect(path.bridges).toEqual([{ bridge: 'br-app', own: true }]);
    expect(path.nat).toEqual([]);
    expect(path.vm).toEqual([]);
  });

  it('a bridge only switching between its ports is on the path too, without its own counters', () => {
    const path = packetPath(snapshot({ vethA: [5, 5], vethB: [2, 3], 'br-app': [4, 3] }), snapshot({ vethA: [6, 6], vethB: [3, 4], 'br-app': [4, 3] }))!;
    expect(path.bridges).toEqual([{ bridge: 'br-app', own: false }]);
    expect(path.moved).toEqual({ vethA: { rx: 1, tx: 1 }, vethB: { rx: 1, tx: 1 } });
  });

  it("wget of a published port from the VM: the DNAT rule's counter grew, docker0 and web's veth carried it", () => {
    const before = snapshot({ lo: [2, 2] }, { natCounters: [dnat(1), dnat(0, 9090)] });
    const after = snapshot({ lo: [2, 2], docker0: [6, 8], vethW: [6, 8] }, { natCounters: [dnat(2), dnat(0, 9090)] });
    const path = packetPath(before, after)!;
    expect(path.nat.map((n) => `${natKey(n.counter.protocol, n.counter.hostIp, n.counter.hostPort)} +${n.packets}`)).toEqual(['tcp:0.0.0.0:8080 +1']);
    expect(path.bridges).toEqual([{ bridge: 'docker0', own: true }]);
    expect(path.veths).toEqual(['vethW']);
  });

  it('counters that went down were reset (the table reloaded, an interface made again): all of the count is new', () => {
    const path = packetPath(snapshot({ vethA: [9, 9] }, { natCounters: [dnat(5)] }), snapshot({ vethA: [1, 0] }, { natCounters: [dnat(1)] }))!;
    expect(path.moved.vethA).toEqual({ rx: 1, tx: 0 });
    expect(path.nat[0].packets).toBe(1);
    // a published port that appeared with this snapshot (no counters before): its count is all new
    expect(packetPath(snapshot({}), snapshot({}, { natCounters: [dnat(1)] }))!.nat[0].packets).toBe(1);
  });

  it("lo and the VM's other devices count as the VM's own part of the path", () => {
    expect(packetPath(snapshot({}), snapshot({ lo: [2, 2] }))!.vm).toEqual(['lo']);
  });

  it('none: without a previous snapshot, when nothing moved, or from an engine that reports no counters', () => {
    const s = snapshot({ vethA: [1, 1] }, { dnsAnswers: [answer(1, 'cb', ['172.18.0.3'])], natCounters: [dnat(1)] });
    expect(packetPath(null, s)).toBeNull();
    expect(packetPath(s, s)).toBeNull();
    expect(packetPath(s, { ...s, interfaces: undefined })).toBeNull();
    // the DNS server restarted: seq counts from 1 again, but the time tells the answers apart
    expect(packetPath(s, { ...s, dnsAnswers: [{ ...answer(1, 'cb', ['172.18.0.3']), time: 5000 }] })!.dns).toHaveLength(1);
  });
});
