// One snapshot of the engine for the web app (engine.state): containers with their
// namespaces, cgroup, processes and mounts; images with their layers; the VM's processes; the
// packet path's counters (the VM's interfaces, the DNS server's last answers, the NAT rules').
// Read straight from /proc and /sys with kernel.ts (no busybox processes: each costs ~40 ms),
// except `nft list table` for the NAT counters, run only when they can have changed.
import { volumeUsers } from '../runtime/volumes';
import type { VolumeStore } from '../store/volume-store';
import * as kernel from '../kernel';
import type {
  ContainerState, EngineState, ImageState, NamespaceInodes, NatCounter, NetInterfaceState, NetworkState, ProcessInfo, VmProcess,
} from '../../protocol/engine';
import { cgroupPath } from '../runtime/cgroups';
import { containerDir, type ContainerRecord, type ContainerStore } from '../store/container-store';
import { layerDir, type ImageStore, type StoredImage } from '../store/image-store';
import { bindMounts, interfaceKind, parseNetDev, parseStatPpid, imageLayers, nsLinkInode, parseCgroupValue, parseMountInfo, parsePids, parseStatus, sharedLayers } from './proc';
import { attached, networkStore } from '../runtime/networks';
import { activePorts } from '../network/ports';
import { loadedNatRules, natCounters } from '../runtime/nftables';
import { recentDnsAnswers } from '../runtime/dns';
import { DEFAULT_BRIDGE } from '../network/store';
import { upperDirListing } from './upper-dir';

const NAMESPACES = ['pid', 'mnt', 'uts', 'ipc', 'net', 'cgroup'] as const;

export function namespaceInodes(pid: number): NamespaceInodes {
  const ns: NamespaceInodes = {};
  for (const kind of NAMESPACES) {
    const link = kernel.readLink(`/proc/${pid}/ns/${kind}`);
    const inode = link === null ? undefined : nsLinkInode(link);
    if (inode !== undefined) ns[kind] = inode;
  }
  return ns;
}

function processInfo(pid: number): ProcessInfo | null {
  const status = kernel.readText(`/proc/${pid}/status`);
  if (!status) return null;
  return { pid, ...parseStatus(status) };
}

function containerState(record: ContainerRecord, images: ImageStore): ContainerState {
  const dir = containerDir(record.Id);
  const image = images.list().find((i) => `sha256:${i.id}` === record.Image || i.id === record.Image);
  const running = record.State.Running && record.State.Pid > 0 && kernel.processAlive(record.State.Pid);
  const state: ContainerState = {
    id: record.Id, name: record.Name.replace(/^\//, ''), image: record.Config.Image, imageId: record.Image,
    state: record.State.Status, pid: running ? record.State.Pid : 0, exitCode: record.State.ExitCode,
    created: record.Created, started: record.State.StartedAt, finished: record.State.FinishedAt,
    hostname: record.Config.Hostname, processes: [],
    rootfs: {
      lower: image ? [...image.diffIds].reverse().map(layerDir) : [],
      upper: `${dir}/upper`, work: `${dir}/work`, merged: `${dir}/merged`,
    },
    binds: [],
    mounts: (record.Mounts ?? []).map((m) => ({
      type: m.Type, ...(m.Name ? { name: m.Name } : {}), source: m.Source, destination: m.Destination, readonly: !m.RW,
    })),
    ports: running ? activePorts(record.NetworkSettings?.Ports) : [],
  };
  const cgroup = cgroupPath(record.Id);
  if (kernel.isDirectory(cgroup)) {
    const read = (file: string) => parseCgroupValue(kernel.readText(`${cgroup}/${file}`));
    const memoryCurrent = read('memory.current');
    const pidsCurrent = read('pids.current');
    state.cgroup = {
      path: cgroup,
      memoryCurrent: typeof memoryCurrent === 'number' ? memoryCurrent : undefined,
      memoryMax: read('memory.max'),
      pidsCurrent: typeof pidsCurrent === 'number' ? pidsCurrent : undefined,
      pidsMax: read('pids.max'),
    };
    for (const pid of parsePids(kernel.readText(`${cgroup}/cgroup.procs`))) {
      const info = processInfo(pid);
      if (info) state.processes.push(info);
    }
  }
  if (running) {
    state.ns = namespaceInodes(record.State.Pid);
    state.binds = bindMounts(parseMountInfo(kernel.readText(`/proc/${record.State.Pid}/mountinfo`) ?? ''));
  }
  state.upperDir = upperDirListing(state.rootfs.upper, state.rootfs.lower);
  return state;
}

function imageState(image: StoredImage): ImageState {
  return {
    id: image.id, refs: image.refs, ...(image.config.created ? { created: image.config.created } : {}),
    layers: imageLayers(image.diffIds, image.manifest.layers.map((l) => l.size), image.config.history),
  };
}

function vmProcesses(): VmProcess[] {
  const list: VmProcess[] = [];
  for (const name of kernel.listDir('/proc')) {
    const pid = Number(name);
    if (!(pid > 0)) continue;
    // kernel threads (kthreadd, pid 2, and its children) share everything with PID 1: leave them
    // out, telling them by the short /proc/<pid>/stat (status is much slower for the kernel to write)
    if (pid === 2 || parseStatPpid(kernel.readText(`/proc/${pid}/stat`) ?? '') === 2) continue;
    const info = processInfo(pid);
    if (!info) continue;
    list.push({ ...info, ns: namespaceInodes(pid) });
  }
  return list;
}

/**
 * The VM's interfaces with their packet counters: /proc/net/dev, one read for all of them (not
 * two sysfs files per interface); bridges and veths told by the engine's own records, and
 * operstate read only for the few others (lo, and whatever else the VM has).
 */
function vmInterfaces(networks: readonly NetworkState[]): NetInterfaceState[] {
  const bridges = new Set(networks.map((n) => n.bridge));
  const veths = new Set(networks.flatMap((n) => n.containers.map((c) => c.veth)));
  return parseNetDev(kernel.readText('/proc/net/dev')).map((i) => {
    const kind = interfaceKind(i.name, bridges, veths);
    const state: NetInterfaceState = { ...i, kind };
    if (kind === 'loopback' || kind === 'other') {
      const operstate = kernel.readText(`/sys/class/net/${i.name}/operstate`)?.trim();
      if (operstate) state.operstate = operstate;
    }
    return state;
  });
}

/**
 * The NAT counters cost a process start (`nft list table`, ≈ 0.2–0.7 s in the guest), so they
 * are read again only when they can have changed: the table was reloaded, or a packet reached
 * or left a container that publishes a port (every DNAT'ed packet goes out by its veth).
 */
let natCache: { rules: string | null; marks: string; counters: NatCounter[] | null } | null = null;

function natCountersWhenMoved(rules: string | null, interfaces: readonly NetInterfaceState[], containers: readonly ContainerState[], networks: readonly NetworkState[]): NatCounter[] | null {
  const publishing = new Set(containers.filter((c) => c.ports?.length).map((c) => c.id));
  const veths = new Set(networks.flatMap((n) => n.containers.filter((e) => publishing.has(e.id)).map((e) => e.veth)));
  const marks = interfaces.filter((i) => veths.has(i.name)).map((i) => `${i.name}:${i.rxPackets}:${i.txPackets}`).join(' ');
  if (natCache && natCache.rules === rules && natCache.marks === marks) return natCache.counters;
  const counters = natCounters(rules);
  natCache = { rules, marks, counters };
  return counters;
}

export function collectState(images: ImageStore, containers: ContainerStore, volumes?: VolumeStore): EngineState {
  const started = kernel.nowMs();
  const imageList = images.list().map(imageState);
  const processes = vmProcesses();
  const state: EngineState = {
    time: Date.now(), collectMs: 0,
    containers: containers.list().map((c) => containerState(c, images)),
    images: imageList,
    sharedLayers: sharedLayers(imageList),
    processes,
    hostNs: processes.find((p) => p.pid === 1)?.ns ?? namespaceInodes(1),
    volumes: (volumes?.list() ?? []).map((v) => ({
      name: v.Name, mountpoint: v.Mountpoint, anonymous: volumes!.isAnonymous(v), usedBy: volumeUsers(v.Name, containers),
    })),
    networks: (networkStore()?.list() ?? []).filter((n) => n.Driver === 'bridge').map((n) => ({
      name: n.Name, id: n.Id, bridge: n.Bridge, subnet: n.Subnet, gateway: n.Gateway,
      containers: attached(n.Id).map(({ record, endpoint }) => ({
        id: record.Id, name: record.Name.replace(/^\//, ''), ip: endpoint.IPAddress, prefixLen: endpoint.IPPrefixLen, mac: endpoint.MacAddress, veth: endpoint.HostVeth ?? '',
        // the names its peers resolve (the default bridge resolves none, as in Docker)
        aliases: n.Name === DEFAULT_BRIDGE ? [] : [record.Name.replace(/^\//, ''), ...(endpoint.Aliases ?? [])],
      })),
    })),
  };
  // the packet path's counters (the network picture compares them between snapshots)
  state.natRules = loadedNatRules();
  state.interfaces = vmInterfaces(state.networks ?? []);
  state.natCounters = natCountersWhenMoved(state.natRules, state.interfaces, state.containers, state.networks ?? []);
  state.dnsAnswers = recentDnsAnswers();
  state.collectMs = Math.round(kernel.nowMs() - started);
  return state;
}
