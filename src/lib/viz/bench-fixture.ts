// A realistic engine snapshot with N containers, for tests and the viz_update_ms_20 bench:
// ~40 VM processes, 4 images sharing a base layer, each container with 2–3 processes, its
// own namespaces (some share the VM's network), a cgroup and an overlay rootfs, volumes,
// binds and tmpfs mounts, two bridge networks (some containers on both), published ports and
// a few changed paths in the writable layers. Shaped like what src/engine/api/state.ts
// collects; deterministic.
import type { BuildEvent, ContainerState, DnsAnswer, EngineEvent, EngineState, ImageState, NamespaceInodes, NatCounter, NetInterfaceState, NetworkState, VmProcess } from '../../protocol/engine';
import { layoutLayers, type LayerChange, type LayersLayout } from './layers-layout';
import { observeSnapshot, type LifecycleHistory } from './lifecycle-history';
import { layoutLifecycle, type LifecycleLayout } from './lifecycle-layout';
import { layoutNamespaces, type NamespacesLayout } from './namespaces-layout';
import { layoutNetwork, type NetworkLayout } from './network-layout';
import { packetPath, type PacketPath } from './packet-path';
import { layoutVolumes, type VolumesLayout } from './volumes-layout';
import { layoutXray, type XrayEvent, type XrayLayout } from './xray-layout';

export const HOST_NS: Required<NamespaceInodes> = { pid: 4026531836, mnt: 4026531841, uts: 4026531838, ipc: 4026531839, net: 4026531840, cgroup: 4026531835 };

/** Deterministic hex: a 32-bit LCG, good enough to look like sha256 digests. */
function hex(seed: number, length = 64): string {
  let x = seed * 2654435761 >>> 0;
  let out = '';
  while (out.length < length) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

const layer = (seed: number, size: number, createdBy: string) => ({ diffId: `sha256:${hex(seed)}`, size, createdBy });
const BASE = layer(1, 1_134_592, '/bin/sh -c #(nop) ADD file:busybox-1.36.1 in / ');
const IMAGES: ImageState[] = [
  { id: hex(101), refs: ['busybox:latest'], created: '2024-05-01T00:00:00Z', layers: [BASE] },
  { id: hex(102), refs: ['httpd-demo:latest'], layers: [BASE, layer(2, 4_096, 'COPY index.html /www/'), layer(3, 512, 'RUN adduser -D www')] },
  { id: hex(103), refs: ['lua:5.1'], layers: [BASE, layer(4, 210_944, 'COPY lua5.1 /usr/bin/lua')] },
  { id: hex(104), refs: ['lua:5.4'], layers: [BASE, layer(5, 286_720, 'COPY lua5.4 /usr/bin/lua')] },
];

const VM_NAMES = ['init', 'syslogd', 'klogd', 'udhcpc', 'getty', 'sh', 'qjs', 'dockhandd', 'crond', 'acpid'];

function vmProcesses(count: number): VmProcess[] {
  return Array.from({ length: count }, (_, i) => {
    const pid = i + 1;
    const name = pid === 1 ? 'init' : VM_NAMES[i % VM_NAMES.length];
    return { pid, ppid: pid === 1 ? 0 : pid < 6 ? 1 : 1 + (i % 5), name, nspid: [pid], ns: { ...HOST_NS } };
  });
}

function container(i: number, firstPid: number): { state: ContainerState; procs: VmProcess[] } {
  const image = IMAGES[i % IMAGES.length];
  const id = hex(1000 + i);
  const status = i % 7 === 6 ? 'paused' : 'running';
  const ns: NamespaceInodes = {
    pid: 4026532200 + i * 8, mnt: 4026532201 + i * 8, uts: 4026532202 + i * 8, ipc: 4026532203 + i * 8,
    net: i % 4 === 3 ? HOST_NS.net : 4026532204 + i * 8, cgroup: 4026532205 + i * 8,
  };
  const names = image.refs[0].startsWith('httpd') ? ['httpd', 'sh', 'sleep'] : image.refs[0].startsWith('lua') ? ['lua', 'sh'] : ['sh', 'sleep'];
  const procs: VmProcess[] = names.map((name, k) => ({
    pid: firstPid + k, ppid: k === 0 ? 8 : firstPid, name, nspid: [firstPid + k, k + 1], ns,
  }));
  const dir = `/var/lib/dockhand/containers/${id}`;
  const state: ContainerState = {
    id, name: `c${i}-${names[0]}`, image: image.refs[0], imageId: `sha256:${image.id}`, state: status,
    pid: firstPid, exitCode: 0, created: '2024-05-02T10:00:00Z', started: '2024-05-02T10:00:01Z', finished: '0001-01-01T00:00:00Z',
    hostname: id.slice(0, 12), ns,
    cgroup: { path: `/sys/fs/cgroup/dockhand/${id}`, memoryCurrent: 700_000 + i * 1000, memoryMax: 'max', pidsCurrent: procs.length, pidsMax: 'max' },
    processes: procs.map(({ ns: _ns, ...p }) => p),
    rootfs: {
      lower: [...image.layers].reverse().map((l) => `/var/lib/dockhand/layers/${l.diffId.slice(7)}`),
      upper: `${dir}/upper`, work: `${dir}/work`, merged: `${dir}/merged`,
    },
    binds: [],
    mounts: [
      ...(i % 3 === 0 ? [{ type: 'volume' as const, name: 'data', source: '/var/lib/dockhand/volumes/data/_data', destination: '/data', readonly: false }] : []),
      ...(i % 5 === 1 ? [{ type: 'bind' as const, source: '/srv/www', destination: '/www', readonly: true }] : []),
      ...(i % 4 === 2 ? [{ type: 'volume' as const, name: hex(3000 + i), source: `/var/lib/dockhand/volumes/${hex(3000 + i)}/_data`, destination: '/cache', readonly: false }] : []),
      ...(i % 6 === 5 ? [{ type: 'tmpfs' as const, source: '', destination: '/run', readonly: false }] : []),
    ],
    ports: i % 3 === 1 ? [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 + i }] : [],
    upperDir: {
      entries: i % 2 === 0
        ? [{ path: '/etc', kind: 'dir', lower: true }, { path: '/etc/motd', kind: 'whiteout', lower: true }, { path: '/etc/hosts.allow', kind: 'file', lower: true }, { path: '/tmp', kind: 'dir', lower: true }, { path: '/tmp/out.log', kind: 'file', lower: false }]
        : [],
      truncated: false,
    },
  };
  return { state, procs };
}

/** docker0 with every container that has its own network namespace, and `app` with every third of those too. */
function networks(containers: ContainerState[]): NetworkState[] {
  const own = containers.filter((c) => c.ns?.net !== HOST_NS.net);
  const attach = (list: ContainerState[], net: number) => list.map((c, k) => ({
    id: c.id, name: c.name, ip: `172.${net}.0.${k + 2}`, prefixLen: 16, mac: `02:42:ac:${net.toString(16)}:00:${(k + 2).toString(16).padStart(2, '0')}`,
    veth: `veth${hex(5000 + net * 100 + k, 7)}`, ...(net === 18 ? { aliases: [c.name, `svc${k}`] } : {}),
  }));
  return [
    { name: 'bridge', id: hex(201), bridge: 'docker0', subnet: '172.17.0.0/16', gateway: '172.17.0.1', containers: attach(own, 17) },
    { name: 'app', id: hex(202), bridge: `br-${hex(202, 12)}`, subnet: '172.18.0.0/16', gateway: '172.18.0.1', containers: attach(own.filter((_, k) => k % 3 === 0), 18) },
  ];
}

/**
 * The VM's interfaces, the DNS log and the NAT counters after `traffic` rounds of one packet
 * path: the first container on `app` asks the DNS server for the second one's name, pings it
 * (both veths and the bridge count packets), and the first published port is fetched (its DNAT
 * counter, its container's veth and docker0). traffic 0: every counter 0, no answer.
 */
function netCounters(containers: ContainerState[], nets: NetworkState[], traffic: number, time: number):
  Pick<EngineState, 'interfaces' | 'dnsAnswers' | 'natCounters'> {
  const [docker0, app] = nets;
  const [asker, peer] = app.containers;
  const published = containers.find((c) => c.ports?.length);
  const web = published && docker0.containers.find((e) => e.id === published.id);
  const count = new Map<string, number>();
  const add = (name: string | undefined, k: number) => name && count.set(name, (count.get(name) ?? 0) + k);
  if (asker && peer) { add(asker.veth, 3 * traffic); add(peer.veth, 2 * traffic); add(app.bridge, traffic); }
  if (web) { add(web.veth, 4 * traffic); add(docker0.bridge, 4 * traffic); }
  const iface = (name: string, kind: NetInterfaceState['kind'], operstate?: string): NetInterfaceState =>
    ({ name, kind, rxPackets: count.get(name) ?? 0, txPackets: count.get(name) ?? 0, ...(operstate ? { operstate } : {}) });
  const interfaces = [
    iface('lo', 'loopback', 'unknown'), iface('dummy0', 'other', 'down'),
    ...nets.map((n) => iface(n.bridge, 'bridge')),
    ...nets.flatMap((n) => n.containers.map((e) => iface(e.veth, 'veth'))),
  ];
  const dnsAnswers: DnsAnswer[] = asker && peer
    ? Array.from({ length: Math.min(traffic, 8) }, (_, k) => ({
      seq: traffic - k, time: time - k * 1000, client: asker.ip, server: app.gateway, type: 'A', name: peer.name, addresses: [peer.ip], rcode: 'NOERROR',
    })).reverse()
    : [];
  const natCounters: NatCounter[] = containers.flatMap((c) => (c.ports ?? []).map((p): NatCounter => ({
    kind: 'dnat', chain: 'publish', packets: c === published ? traffic : 0, bytes: c === published ? 60 * traffic : 0,
    match: `${p.protocol} dport ${p.hostPort}`, protocol: p.protocol, hostIp: p.hostIp, hostPort: p.hostPort,
    toIp: docker0.containers.find((e) => e.id === c.id)?.ip, toPort: p.containerPort, container: c.name,
  })));
  return { interfaces, dnsAnswers, natCounters };
}

/** A snapshot with `n` containers (all with processes; every 7th paused); `traffic`: see netCounters. */
export function benchState(n: number, time = 1_715_000_000_000, traffic = 0): EngineState {
  const processes = vmProcesses(40);
  const containers: ContainerState[] = [];
  let next = 100;
  for (let i = 0; i < n; i++) {
    const c = container(i, next);
    next += 10;
    containers.push(c.state);
    processes.push(...c.procs);
  }
  const nets = networks(containers);
  return {
    time, collectMs: 35, containers, images: IMAGES,
    sharedLayers: [{ diffId: BASE.diffId, images: IMAGES.map((i) => i.id) }],
    processes, hostNs: { ...HOST_NS },
    volumes: [
      ...(n ? [{ name: 'data', mountpoint: '/var/lib/dockhand/volumes/data/_data', anonymous: false, usedBy: containers.filter((c) => c.mounts?.some((m) => m.name === 'data')).map((c) => c.id) }] : []),
      { name: 'unused', mountpoint: '/var/lib/dockhand/volumes/unused/_data', anonymous: false, usedBy: [] },
      ...containers.flatMap((c) => (c.mounts ?? []).filter((m) => m.type === 'volume' && m.name !== 'data')
        .map((m) => ({ name: m.name!, mountpoint: m.source, anonymous: true, usedBy: [c.id] }))),
    ],
    networks: nets,
    ...netCounters(containers, nets, traffic, time),
  };
}

/** The x-ray of a `docker run` with its kernel steps. */
export function benchXray(): XrayEvent {
  const ops: Array<[string, string, number, 'daemon' | 'launcher']> = [
    ['mkdir', '/var/lib/dockhand/containers/abc/upper', 0.4, 'daemon'],
    ['mount', 'overlay on /var/lib/dockhand/containers/abc/merged (1 read-only layers)', 3.2, 'daemon'],
    ['mkdir', '/sys/fs/cgroup/dockhand/abc', 0.6, 'daemon'],
    ['write', 'memory.max = max', 0.3, 'daemon'],
    ['clone', 'CLONE_NEWPID|CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWNET', 2.1, 'launcher'],
    ['pivot_root', '/var/lib/dockhand/containers/abc/merged', 1.4, 'launcher'],
    ['mount', 'proc on /proc', 0.5, 'launcher'],
    ['execve', '/bin/sh -c echo hi', 4.8, 'launcher'],
  ];
  let at = 0;
  const steps = ops.map(([op, detail, ms, by]) => {
    const step = { op, detail, ms, at, by };
    at += ms + 0.2;
    return step;
  });
  return { op: 'xray', command: 'docker run --rm busybox echo hi', steps, ms: at, dropped: 0 } satisfies EngineEvent;
}

export interface Size { width: number; height: number }

export interface AllLayouts {
  /** the packet path between the `previous` snapshot given and this one */
  path: PacketPath | null;
  namespaces: NamespacesLayout; layers: LayersLayout; volumes: VolumesLayout; network: NetworkLayout; lifecycle: LifecycleLayout; xray: XrayLayout;
}

/** Every picture's layout for one snapshot: what the page computes on each refresh (the bench times this). */
export function computeAllLayouts(
  state: EngineState, size: Size,
  extra: { history?: LifecycleHistory; xray?: XrayEvent | null; changes?: LayerChange[]; previous?: EngineState | null } = {},
): AllLayouts {
  const history = extra.history ?? observeSnapshot({}, state);
  const path = packetPath(extra.previous ?? null, state);
  return {
    path,
    namespaces: layoutNamespaces(state, size),
    layers: layoutLayers(state, size, extra.changes),
    volumes: layoutVolumes(state, size),
    network: layoutNetwork(state, size, path),
    lifecycle: layoutLifecycle(history, size),
    xray: layoutXray(extra.xray ?? null, size),
  };
}

/** A docker build of the seed's Dockerfile shape, as its build.step events: FROM, RUN (a layer), COPY (cached), CMD (config), built. */
export function benchBuild(): BuildEvent[] {
  const steps: Array<[number, string, BuildEvent['status'], number?]> = [
    [1, 'FROM busybox', 'cached', 1_126_400],
    [2, 'RUN mkdir -p /opt/tools && echo curl > /opt/tools/installed', 'layer', 512],
    [3, 'COPY app.py /app.py', 'cached', 1_024],
    [4, 'CMD ["sh"]', 'config'],
  ];
  const events: BuildEvent[] = [];
  for (const [step, instruction, status, size] of steps) {
    const base = { op: 'build.step' as const, build: 'b1', step, of: 4, line: step, instruction };
    events.push({ ...base, status: 'start' });
    events.push({ ...base, status, ms: 40 * step, ...(size === undefined ? {} : { size, diffId: `sha256:${String(step).repeat(64)}` }) });
  }
  events.push({ op: 'build.step', build: 'b1', step: 4, of: 4, line: 4, instruction: 'CMD ["sh"]', status: 'built', diffId: `sha256:${'e'.repeat(64)}`, ms: 400 });
  return events;
}
