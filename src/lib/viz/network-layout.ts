// Network picture (pure): the VM as a box; in it each bridge (docker0, br-…) a header with a
// vertical bus; each container on a bridge a row, with one veth pair per network drawn as a
// line from the bus to the container (a dot where it joins: a line only passing a bus is not
// on it), the address and DNS names at its end. Published ports come in from outside the VM
// on the right as arrows to the container. `--network host` and `none` containers sit apart
// below, told by their network namespace (the VM's own, or one with no bridge address).
// Published ports start inside the VM's wall: the VM has no network card (no uplink), so a
// port is reached from inside it (localhost, the page's Browser tab); the VM's own devices
// (lo, …) sit in a row at the bottom. Given the last command's packet path (packet-path.ts),
// the veths, bridges and ports that carried packets are marked `hot`, and the DNS answers
// appear in the asking container's box (or on a line of their own when it is gone).
import { scaleLinear } from 'd3';
import type { ContainerState, DnsAnswer, EngineState, NetworkState, PublishedPort } from '../../protocol/engine';
import { natKey, type Growth, type PacketPath } from './packet-path';
import { fit } from './text';

export interface NetBridge {
  key: string; name: string; id: string; bridge: string; subnet: string; gateway: string; count: number;
  text: string;
  /** packets passed it in the last command: its own counters (to or from the VM) and/or its ports' */
  hot?: { own: Growth | null };
  /** the bus: x, from the header down to the last veth on it */
  x: number; busTop: number; busBottom: number;
  headX: number; headY: number; headW: number; headH: number;
}

export interface NetEndpoint {
  key: string; network: string; bridge: string; ip: string; prefixLen: number; mac: string; veth: string; aliases: string[];
  /** inside the container's box: address and names */
  text: string;
  /** on the veth line: the host end's name */
  vethText: string;
  /** the line's height, and where it starts (the bus) and ends (the box) */
  y: number; busX: number; boxX: number;
  /** its veth carried packets in the last command (counted at the VM's end: rx = from the container) */
  hot?: Growth;
}

export interface NetPort extends PublishedPort {
  key: string; text: string; x1: number; x2: number; y: number;
  /** packets DNAT'ed by its rule in the last command */
  natPackets?: number;
}

/** A DNS answer drawn in the asking container's box, or on a line of its own (`x`, `y` absolute). */
export interface NetDns { key: string; answer: DnsAnswer; text: string; x: number; y: number }

/** One of the VM's own devices (lo, and anything that is no bridge or veth): the VM has no network card. */
export interface NetVmIf {
  key: string; name: string; kind: 'loopback' | 'other'; operstate: string; rxPackets: number; txPackets: number;
  text: string; x: number; y: number; width: number; height: number; hot?: Growth;
}

export interface NetContainer {
  key: string; containerId: string; name: string; text: string;
  endpoints: NetEndpoint[]; ports: NetPort[];
  /** DNS answers it got in the last command, under its addresses */
  dns: NetDns[];
  x: number; y: number; width: number; height: number;
}

export interface NetApart {
  key: string; mode: 'host' | 'none'; containerId: string; name: string; text: string;
  x: number; y: number; width: number; height: number;
}

export interface NetworkLayout {
  width: number; height: number;
  vm: { x: number; y: number; width: number; height: number };
  /** x of the VM's right wall: ports cross it from the outside band */
  outsideX: number;
  bridges: NetBridge[]; containers: NetContainer[]; apart: NetApart[];
  /** headings of the host and none groups */
  apartHeads: { mode: 'host' | 'none'; x: number; y: number }[];
  /** DNS answers whose asker is not drawn (a --rm container gone by the snapshot) */
  dnsApart: NetDns[];
  /** the VM's own devices, under a heading at (vmIfsHead), then the no-uplink note at (uplinkY) */
  vmIfs: NetVmIf[]; vmIfsHead: { x: number; y: number }; uplinkY: number;
  /** the last command's path, as given (null: none, or it moved no packet), summed up on a line at pathY under the VM's title */
  path: PacketPath | null; pathY: number;
}

export const NET_METRICS = {
  pad: 12, header: 34, headH: 30, busGap: 30, vethLen: 130, outsideW: 92, portsW: 200,
  boxHeader: 26, epH: 24, rowGap: 10, chipW: 190, chipH: 30, apartHead: 28, font: 14,
  /** DNS answers drawn per container at most; the VM's device chips; the two lines of the no-uplink note */
  dnsPerBox: 2, ifW: 200, noteH: 22,
};

/** The DNS answer as one short line: `db → 172.18.0.3`, `nope: NXDOMAIN`. */
export const dnsText = (a: DnsAnswer): string => (a.addresses.length ? `${a.name} → ${a.addresses.join(', ')}` : `${a.name}: ${a.rcode}`);

type Endpoint = NetworkState['containers'][number] & { network: NetworkState };

/** Each running container's place: its bridge endpoints, or host / none (by its network namespace). */
export function networkMode(c: ContainerState, endpoints: number, hostNet: number | undefined): 'bridge' | 'host' | 'none' | null {
  if (endpoints > 0) return 'bridge';
  if (!c.pid || c.ns?.net === undefined) return null;
  return c.ns.net === hostNet ? 'host' : 'none';
}

export function layoutNetwork(state: EngineState, size: { width: number }, path: PacketPath | null = null): NetworkLayout {
  const m = NET_METRICS;
  const networks = state.networks ?? [];
  const vm = { x: m.pad, y: m.pad, width: size.width - 2 * m.pad - m.outsideW, height: 0 };
  const outsideX = vm.x + vm.width;
  // a line under the title for the path's summary, when there is one
  const top = vm.y + m.header + (path ? m.noteH : 0);
  const busX = scaleLinear().domain([0, 1]).range([vm.x + 20, vm.x + 20 + m.busGap]);
  const boxX = busX(networks.length - 1) + m.vethLen;
  const anyPorts = state.containers.some((c) => (c.ports ?? []).length > 0);
  const boxW = Math.max(180, outsideX - boxX - (anyPorts ? m.portsW : 16));

  const bridges: NetBridge[] = networks.map((n, i) => {
    const headX = busX(i) - 8;
    const headY = top + i * m.headH;
    return {
      key: `br:${n.id}`, name: n.name, id: n.id, bridge: n.bridge, subnet: n.subnet, gateway: n.gateway, count: n.containers.length,
      text: fit(`${n.bridge} · ${n.name} · ${n.subnet} · gw ${n.gateway}`, outsideX - 12 - headX - 16, m.font),
      x: busX(i), busTop: headY + m.headH - 4, busBottom: headY + m.headH - 4,
      headX, headY, headW: outsideX - 12 - headX, headH: m.headH - 4,
      ...(path?.bridges.some((h) => h.bridge === n.bridge) ? { hot: { own: path.moved[n.bridge] ?? null } } : {}),
    };
  });
  const natHot = new Map((path?.nat ?? []).map((n) => [natKey(n.counter.protocol, n.counter.hostIp, n.counter.hostPort), n.packets]));
  const dnsLeft = [...(path?.dns ?? [])];

  const byContainer = new Map<string, Endpoint[]>();
  for (const n of networks) for (const e of n.containers) byContainer.set(e.id, [...(byContainer.get(e.id) ?? []), { ...e, network: n }]);

  const containers: NetContainer[] = [];
  const aside: { c: ContainerState; mode: 'host' | 'none' }[] = [];
  let y = top + networks.length * m.headH + 14;
  for (const c of state.containers) {
    const eps = byContainer.get(c.id) ?? [];
    const mode = networkMode(c, eps.length, state.hostNs.net);
    if (mode === 'host' || mode === 'none') aside.push({ c, mode });
    if (mode !== 'bridge') continue;
    const ports = c.ports ?? [];
    // the answers it asked for: sent from one of its addresses to that network's gateway
    const asked = dnsLeft.filter((a) => eps.some((e) => e.ip === a.client && e.network.gateway === a.server)).slice(-m.dnsPerBox);
    for (const a of asked) dnsLeft.splice(dnsLeft.indexOf(a), 1);
    const lines = Math.max(eps.length + asked.length, ports.length);
    const height = m.boxHeader + lines * m.epH + 6;
    const lineY = (i: number) => y + m.boxHeader + i * m.epH + m.epH / 2;
    const endpoints = eps.map((e, i): NetEndpoint => {
      const b = networks.indexOf(e.network);
      const bridge = bridges[b];
      bridge.busBottom = Math.max(bridge.busBottom, lineY(i));
      const aliases = (e.aliases ?? []).filter((a) => a !== c.name);
      return {
        key: `${c.id}@${e.network.id}`, network: e.network.name, bridge: e.network.bridge, ip: e.ip, prefixLen: e.prefixLen, mac: e.mac,
        veth: e.veth, aliases,
        text: fit(`${e.ip}/${e.prefixLen}${aliases.length ? ` · ${aliases.join(', ')}` : ''}`, boxW - 20, m.font),
        vethText: fit(e.veth, m.vethLen - 24, m.font), y: lineY(i), busX: bridge.x, boxX,
        ...(path?.moved[e.veth] ? { hot: path.moved[e.veth] } : {}),
      };
    });
    const dns = asked.map((answer, k): NetDns => ({
      key: `dns:${answer.seq}:${answer.time}`, answer, text: fit(`DNS ${dnsText(answer)}`, boxW - 20, m.font),
      x: boxX + 10, y: lineY(eps.length + k),
    }));
    containers.push({
      key: `c:${c.id}`, containerId: c.id, name: c.name, text: fit(c.name, boxW - 20, m.font + 1),
      endpoints, dns,
      ports: ports.map((p, i) => {
        const natPackets = natHot.get(natKey(p.protocol, p.hostIp, p.hostPort));
        return {
          ...p, key: `${c.id}:${p.hostIp}:${p.hostPort}/${p.protocol}`,
          text: fit(`${p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.protocol}`, m.portsW - 16, m.font),
          // from inside the VM's wall: there is no uplink to come from
          x1: outsideX - 10, x2: boxX + boxW, y: lineY(i),
          ...(natPackets ? { natPackets } : {}),
        };
      }),
      x: boxX, y, width: boxW, height,
    });
    y += height + m.rowGap;
  }

  // host and none: chips in rows under a heading each
  const apart: NetApart[] = [];
  const apartHeads: NetworkLayout['apartHeads'] = [];
  const perRow = Math.max(1, Math.floor((vm.width - 32 + 8) / (m.chipW + 8)));
  for (const mode of ['host', 'none'] as const) {
    const group = aside.filter((a) => a.mode === mode);
    if (!group.length) continue;
    y += 6;
    apartHeads.push({ mode, x: vm.x + 16, y });
    y += m.apartHead;
    group.forEach(({ c }, k) => apart.push({
      key: `${mode}:${c.id}`, mode, containerId: c.id, name: c.name, text: fit(c.name, m.chipW - 16, m.font),
      x: vm.x + 16 + (k % perRow) * (m.chipW + 8), y: y + Math.floor(k / perRow) * (m.chipH + 8), width: m.chipW, height: m.chipH,
    }));
    y += Math.ceil(group.length / perRow) * (m.chipH + 8);
  }

  // answers whose asker is gone (docker run --rm … nslookup db): a line each
  const dnsApart = dnsLeft.slice(-3).map((answer): NetDns => {
    const line = { key: `dns:${answer.seq}:${answer.time}`, answer, text: fit(`DNS ${answer.server} → ${answer.client}: ${dnsText(answer)}`, vm.width - 40, m.font), x: vm.x + 16, y: y + m.epH / 2 };
    y += m.epH;
    return line;
  });

  // the VM's own devices: lo and whatever else is no bridge and no veth; then the note that
  // there is no uplink (v86 gives the VM no network card)
  y += 6;
  const vmIfsHead = { x: vm.x + 16, y };
  y += m.apartHead;
  const own = (state.interfaces ?? []).filter((i) => i.kind === 'loopback' || i.kind === 'other');
  const ifPerRow = Math.max(1, Math.floor((vm.width - 32 + 8) / (m.ifW + 8)));
  const vmIfs = own.map((i, k): NetVmIf => ({
    key: `if:${i.name}`, name: i.name, kind: i.kind as 'loopback' | 'other', operstate: i.operstate ?? '?', rxPackets: i.rxPackets, txPackets: i.txPackets,
    text: fit(`${i.name} · ${i.operstate ?? '?'}`, m.ifW - 16, m.font),
    x: vm.x + 16 + (k % ifPerRow) * (m.ifW + 8), y: y + Math.floor(k / ifPerRow) * (m.chipH + 8), width: m.ifW, height: m.chipH,
    ...(path?.moved[i.name] ? { hot: path.moved[i.name] } : {}),
  }));
  y += Math.ceil(own.length / ifPerRow) * (m.chipH + 8);
  const uplinkY = y;
  y += 2 * m.noteH + 4;

  vm.height = Math.max(y - vm.y + 4, top - vm.y + networks.length * m.headH + 10);
  return {
    width: size.width, height: vm.y + vm.height + m.pad, vm, outsideX, bridges, containers, apart, apartHeads,
    dnsApart, vmIfs, vmIfsHead, uplinkY, path, pathY: vm.y + m.header + m.noteH / 2,
  };
}
