// Network picture (pure): the VM as a box; in it each bridge (docker0, br-…) a header with a
// vertical bus; each container on a bridge a row, with one veth pair per network drawn as a
// line from the bus to the container (a dot where it joins: a line only passing a bus is not
// on it), the address and DNS names at its end. Published ports come in from outside the VM
// on the right as arrows to the container. `--network host` and `none` containers sit apart
// below, told by their network namespace (the VM's own, or one with no bridge address).
import { scaleLinear } from 'd3';
import type { ContainerState, EngineState, NetworkState, PublishedPort } from '../../protocol/engine';
import { fit } from './text';

export interface NetBridge {
  key: string; name: string; id: string; bridge: string; subnet: string; gateway: string; count: number;
  text: string;
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
}

export interface NetPort extends PublishedPort { key: string; text: string; x1: number; x2: number; y: number }

export interface NetContainer {
  key: string; containerId: string; name: string; text: string;
  endpoints: NetEndpoint[]; ports: NetPort[];
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
}

export const NET_METRICS = {
  pad: 12, header: 34, headH: 30, busGap: 30, vethLen: 130, outsideW: 92, portsW: 200,
  boxHeader: 26, epH: 24, rowGap: 10, chipW: 190, chipH: 30, apartHead: 28, font: 14,
};

type Endpoint = NetworkState['containers'][number] & { network: NetworkState };

/** Each running container's place: its bridge endpoints, or host / none (by its network namespace). */
export function networkMode(c: ContainerState, endpoints: number, hostNet: number | undefined): 'bridge' | 'host' | 'none' | null {
  if (endpoints > 0) return 'bridge';
  if (!c.pid || c.ns?.net === undefined) return null;
  return c.ns.net === hostNet ? 'host' : 'none';
}

export function layoutNetwork(state: EngineState, size: { width: number }): NetworkLayout {
  const m = NET_METRICS;
  const networks = state.networks ?? [];
  const vm = { x: m.pad, y: m.pad, width: size.width - 2 * m.pad - m.outsideW, height: 0 };
  const outsideX = vm.x + vm.width;
  const busX = scaleLinear().domain([0, 1]).range([vm.x + 20, vm.x + 20 + m.busGap]);
  const boxX = busX(networks.length - 1) + m.vethLen;
  const anyPorts = state.containers.some((c) => (c.ports ?? []).length > 0);
  const boxW = Math.max(180, outsideX - boxX - (anyPorts ? m.portsW : 16));

  const bridges: NetBridge[] = networks.map((n, i) => {
    const headX = busX(i) - 8;
    const headY = vm.y + m.header + i * m.headH;
    return {
      key: `br:${n.id}`, name: n.name, id: n.id, bridge: n.bridge, subnet: n.subnet, gateway: n.gateway, count: n.containers.length,
      text: fit(`${n.bridge} · ${n.name} · ${n.subnet} · gw ${n.gateway}`, outsideX - 12 - headX - 16, m.font),
      x: busX(i), busTop: headY + m.headH - 4, busBottom: headY + m.headH - 4,
      headX, headY, headW: outsideX - 12 - headX, headH: m.headH - 4,
    };
  });

  const byContainer = new Map<string, Endpoint[]>();
  for (const n of networks) for (const e of n.containers) byContainer.set(e.id, [...(byContainer.get(e.id) ?? []), { ...e, network: n }]);

  const containers: NetContainer[] = [];
  const aside: { c: ContainerState; mode: 'host' | 'none' }[] = [];
  let y = vm.y + m.header + networks.length * m.headH + 14;
  for (const c of state.containers) {
    const eps = byContainer.get(c.id) ?? [];
    const mode = networkMode(c, eps.length, state.hostNs.net);
    if (mode === 'host' || mode === 'none') aside.push({ c, mode });
    if (mode !== 'bridge') continue;
    const ports = c.ports ?? [];
    const lines = Math.max(eps.length, ports.length);
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
      };
    });
    containers.push({
      key: `c:${c.id}`, containerId: c.id, name: c.name, text: fit(c.name, boxW - 20, m.font + 1),
      endpoints,
      ports: ports.map((p, i) => ({
        ...p, key: `${c.id}:${p.hostIp}:${p.hostPort}/${p.protocol}`,
        text: fit(`${p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.protocol}`, m.portsW + m.outsideW - 24, m.font),
        x1: size.width - m.pad, x2: boxX + boxW, y: lineY(i),
      })),
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

  vm.height = Math.max(y - vm.y + 4, m.header + networks.length * m.headH + 10);
  return { width: size.width, height: vm.y + vm.height + m.pad, vm, outsideX, bridges, containers, apart, apartHeads };
}
