// The path the last command's packets took through the VM (pure): two consecutive engine
// snapshots compared. Nothing here guesses from the command's text; everything is a counter
// the kernel or the engine's DNS server kept:
//   DNS     answers the embedded server logged since the previous snapshot (state.dnsAnswers)
//   veth    the VM's end of a container's veth pair whose packet counters grew (state.interfaces)
//   bridge  a bridge whose own counters grew (packets to or from the VM: DNS, a published port)
//           or one of whose ports' counters grew (packets it switched between its ports)
//   NAT     a DNAT rule (published port) whose counter grew (state.natCounters)
//   VM      lo and the VM's other devices whose counters grew
// A counter smaller than before was reset (an interface made again, the nftables table
// reloaded): all of its count is new.
import type { DnsAnswer, EngineState, NatCounter } from '../../protocol/engine';

export interface Growth { rx: number; tx: number }

export interface PacketPath {
  /** each interface that carried packets, by name, with how many more it received and sent */
  moved: Record<string, Growth>;
  /** the containers' veths (the VM's ends) that carried packets */
  veths: string[];
  /** bridges that carried packets: `own` when the bridge device itself did (to or from the VM) */
  bridges: { bridge: string; own: boolean }[];
  /** lo and the VM's other devices that carried packets */
  vm: string[];
  /** the DNS server's answers since the previous snapshot (NODATA ones left out: nslookup's AAAA) */
  dns: DnsAnswer[];
  /** DNAT rules (published ports) whose counter grew, with by how much */
  nat: { counter: NatCounter; packets: number }[];
}

const grown = (now: number, before: number | undefined): number => (before === undefined || now < before ? now : now - before);

/** The key of a published port, as the layout and the NAT counters both name it. */
export const natKey = (protocol: string | undefined, hostIp: string | undefined, hostPort: number | undefined): string =>
  `${protocol ?? 'tcp'}:${hostIp ?? '0.0.0.0'}:${hostPort ?? 0}`;

/** The path between `previous` and `current`; null without a previous snapshot or when no packet moved. */
export function packetPath(previous: EngineState | null, current: EngineState): PacketPath | null {
  if (!previous || !current.interfaces) return null;
  const before = new Map((previous.interfaces ?? []).map((i) => [i.name, i]));
  const moved: Record<string, Growth> = {};
  const veths: string[] = [];
  const vm: string[] = [];
  const ownBridges = new Set<string>();
  for (const i of current.interfaces) {
    const was = before.get(i.name);
    const g = { rx: grown(i.rxPackets, was?.rxPackets), tx: grown(i.txPackets, was?.txPackets) };
    if (g.rx + g.tx === 0) continue;
    moved[i.name] = g;
    if (i.kind === 'veth') veths.push(i.name);
    else if (i.kind === 'bridge') ownBridges.add(i.name);
    else vm.push(i.name);
  }
  const bridges: PacketPath['bridges'] = [];
  for (const n of current.networks ?? []) {
    const own = ownBridges.has(n.bridge);
    if (own || n.containers.some((c) => veths.includes(c.veth))) bridges.push({ bridge: n.bridge, own });
  }

  const seen = new Set((previous.dnsAnswers ?? []).map((a) => `${a.seq}/${a.time}`));
  const dns = (current.dnsAnswers ?? []).filter((a) => !seen.has(`${a.seq}/${a.time}`) && a.rcode !== 'NODATA');

  const natBefore = new Map((previous.natCounters ?? []).filter((c) => c.kind === 'dnat')
    .map((c) => [natKey(c.protocol, c.hostIp, c.hostPort), c.packets]));
  const nat = (current.natCounters ?? []).filter((c) => c.kind === 'dnat')
    .map((counter) => ({ counter, packets: grown(counter.packets, natBefore.get(natKey(counter.protocol, counter.hostIp, counter.hostPort))) }))
    .filter((n) => n.packets > 0);

  if (!Object.keys(moved).length && !dns.length && !nat.length) return null;
  return { moved, veths, bridges, vm, dns, nat };
}
