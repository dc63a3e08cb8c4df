// The engine's control API: what the web app can ask the container engine (through the
// guest agent, which relays to the daemon's /run/dockhand/api.sock) and the events it sends
// (on their own port: control.ts).
// Carried in control-channel frames (control.ts); kept small: every byte is built by QuickJS
// in an emulated machine.

/** Namespace inodes from /proc/<pid>/ns/* (the number in `pid:[4026531836]`); absent when unreadable. */
export interface NamespaceInodes { pid?: number; mnt?: number; uts?: number; ipc?: number; net?: number; cgroup?: number }

/** One process: host pid, its pids in nested pid namespaces (NSpid, outermost first), name. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  /** NSpid from /proc/<pid>/status: [host pid, …, pid inside the innermost namespace] */
  nspid: number[];
}

export interface VmProcess extends ProcessInfo { ns: NamespaceInodes }

/** A mount seen in the container's mount namespace (from /proc/<pid>/mountinfo). */
export interface MountInfo { target: string; fstype: string; source: string; /** the part of the source file system mounted (not "/" for bind mounts) */ root: string }

export interface ContainerRootfs {
  /** overlayfs lower dirs, top-most first (as given to mount) */
  lower: string[];
  upper: string;
  work: string;
  merged: string;
}

export interface CgroupUsage {
  path: string;
  memoryCurrent?: number;
  /** bytes, or "max" */
  memoryMax?: number | 'max';
  pidsCurrent?: number;
  pidsMax?: number | 'max';
}

export interface ContainerState {
  id: string;
  name: string;
  /** the image as the user named it (Config.Image) */
  image: string;
  imageId: string;
  state: string;
  /** host pid of its PID 1 (0 when not running) */
  pid: number;
  exitCode: number;
  created: string;
  started: string;
  finished: string;
  hostname: string;
  ns?: NamespaceInodes;
  cgroup?: CgroupUsage;
  /** processes in its cgroup; nspid's last element is the pid inside */
  processes: ProcessInfo[];
  rootfs: ContainerRootfs;
  /** bind mounts inside the container (running containers only) */
  binds: MountInfo[];
  /** its volumes, bind mounts and tmpfs mounts as configured (running or not) */
  mounts?: { type: 'volume' | 'bind' | 'tmpfs'; name?: string; source: string; destination: string; readonly: boolean }[];
  /** published ports (-p/-P): the VM's hostIp:hostPort is DNAT'ed by nftables to the container's port */
  ports?: PublishedPort[];
  /** its writable layer: the overlay upper dir, without the engine's init-layer mount points */
  upperDir?: UpperDirListing;
}

/** A path in a container's overlay upper dir. */
export interface UpperDirEntry {
  /** inside the container: `/etc/motd` */
  path: string;
  /** whiteout: a character device 0/0 (deleted); opaque: a directory made again over the image's (trusted.overlay.opaque=y) */
  kind: 'file' | 'dir' | 'whiteout' | 'opaque';
  /** the image's layers have this path too: a copy-up (for a whiteout, what it hides) */
  lower: boolean;
}

/** At most UPPER_DIR_CAP (200) entries, parents first; `truncated` when there were more. */
export interface UpperDirListing { entries: UpperDirEntry[]; truncated: boolean }

export interface LayerState {
  diffId: string;
  /** bytes of the layer blob (from the manifest) */
  size: number;
  createdBy?: string;
}

export interface ImageState {
  id: string;
  refs: string[];
  created?: string;
  /** bottom layer first */
  layers: LayerState[];
}

export interface EngineState {
  /** ms since the epoch, in the guest */
  time: number;
  /** how long collecting took in the guest, ms */
  collectMs: number;
  containers: ContainerState[];
  images: ImageState[];
  /** layers used by more than one image, with the image ids using them */
  sharedLayers: { diffId: string; images: string[] }[];
  /** the VM's processes with their namespaces (group them by inode) */
  processes: VmProcess[];
  /** the VM's own (initial) namespaces: those of PID 1 */
  hostNs: NamespaceInodes;
  /** named and anonymous volumes, with the containers (IDs) whose mounts use them */
  volumes?: { name: string; mountpoint: string; anonymous: boolean; usedBy: string[] }[];
  /** bridge networks: the Linux bridge, subnet, gateway, and the containers with an address on it */
  networks?: NetworkState[];
  /** the engine's nftables table as last loaded (`nft -f`), or null before nftables is unpacked */
  natRules?: string | null;
  /** the VM's own network interfaces (its network namespace) with their packet counters */
  interfaces?: NetInterfaceState[];
  /** the embedded DNS server's last answers, oldest first (at most 16) */
  dnsAnswers?: DnsAnswer[];
  /**
   * the packet counters of the table's NAT rules (`nft list table`), read only when the table
   * has a DNAT rule (a published port); null when not read (no nftables yet, nothing published)
   */
  natCounters?: NatCounter[] | null;
}

/** One of the VM's network interfaces, with the kernel's packet counters (/proc/net/dev). */
export interface NetInterfaceState {
  name: string;
  /** bridge: a network's Linux bridge; veth: the VM's end of a container's veth pair; loopback: lo; other: any other device of the VM's own */
  kind: 'loopback' | 'bridge' | 'veth' | 'other';
  rxPackets: number;
  txPackets: number;
  /** /sys/class/net/<if>/operstate (up, down, unknown), read for loopback and other only */
  operstate?: string;
}

/** One answer of the engine's DNS server (native/dns.c logs its last ones). */
export interface DnsAnswer {
  /** counts the server's answers since it started */
  seq: number;
  /** ms since the epoch, in the guest */
  time: number;
  /** who asked: a container's address */
  client: string;
  /** the address asked: the gateway of the client's network */
  server: string;
  /** A, AAAA, … */
  type: string;
  name: string;
  /** the addresses answered (empty unless rcode is NOERROR) */
  addresses: string[];
  /** NOERROR, NODATA (a known name, no address of this type), NXDOMAIN, REFUSED, FORMERR, NOTIMP */
  rcode: string;
}

/** The counter of one NAT rule of the engine's nftables table. */
export interface NatCounter {
  kind: 'dnat' | 'masquerade';
  /** the chain it is in (publish, postrouting) */
  chain: string;
  packets: number;
  bytes: number;
  /** the rule's match, as nft lists it without the counter and the action */
  match: string;
  /** dnat: the published port */
  protocol?: 'tcp' | 'udp';
  hostIp?: string;
  hostPort?: number;
  toIp?: string;
  toPort?: number;
  /** dnat: the container, from the rule's comment */
  container?: string;
}

export interface NetworkState {
  name: string;
  id: string;
  /** the Linux bridge in the VM (docker0, br-<12 hex>) */
  bridge: string;
  subnet: string;
  gateway: string;
  containers: {
    id: string; name: string; ip: string; prefixLen: number; mac: string;
    /** the host end of its veth pair, a port of the bridge */
    veth: string;
    /** the names other containers on this network resolve to it (name, --network-alias, compose service) */
    aliases?: string[];
  }[];
}

/**
 * nftables (Debian's nft with its libraries, public/vm/nft.tgz): too big for the initramfs, so
 * the host puts it at the top of the 9p share after the first shell (/mnt/host/<this>) and the
 * engine unpacks it the first time it programs NAT.
 */
export const NFTABLES_ADDON = 'nft.tgz';
/** the daemon writes this file once the add-on is unpacked: nft is usable only when it exists */
export const NFTABLES_UNPACKED = '/usr/lib/i386-linux-gnu/.dockhand-nft';

export interface PublishedPort {
  containerPort: number;
  protocol: 'tcp' | 'udp';
  /** '0.0.0.0' for every address of the VM */
  hostIp: string;
  hostPort: number;
}

export interface XrayStep {
  op: string;
  detail: string;
  /** how long the step took */
  ms: number;
  /** when it started, ms after the command started (absent for background work) */
  at?: number;
  /** who took it: the daemon, or the launcher (dockhand-run, the C part that enters the namespaces) */
  by?: 'daemon' | 'launcher';
}

/** guest → host, unrequested: the engine's events */
export type EngineEvent =
  | {
      op: 'container.created' | 'container.started' | 'container.exited' | 'container.removed';
      /** the container's ID (not `id`: frames with an id are replies) */
      containerId: string; name: string; exitCode?: number; time: number }
  | {
      op: 'xray';
      /** the docker command line these steps belong to ('' for background work: a detached container's exit) */
      command: string;
      steps: XrayStep[];
      /** total time of the command in the daemon, ms */
      ms: number;
      /** steps left out (only the first MAX_XRAY_STEPS are sent) */
      dropped: number;
    }

  | BuildEvent;

/** docker build, step by step, so the page can draw the layer stack growing. */
export interface BuildEvent {
  op: 'build.step';
  /** one id per docker build run */
  build: string;
  /** 1-based, over every stage's instructions (as `Step 2/4`) */
  step: number;
  of: number;
  /** the Dockerfile line and the instruction as written there */
  line: number;
  instruction: string;
  /**
   * start: the step begins; cached: its layer came from the build cache; layer: it made a
   * new layer; config: it changed only the image config; failed: the build stops here;
   * built: the build finished (step = of), diffId holds the image ID
   */
  status: 'start' | 'cached' | 'layer' | 'config' | 'failed' | 'built';
  /** the layer's diff_id (cached, layer), or the image ID (built) */
  diffId?: string;
  /** the layer's bytes (cached, layer) */
  size?: number;
  /** how long the step took (not start) */
  ms?: number;
}

export const MAX_XRAY_STEPS = 200;
/** longer step details are cut (a long bind-mount path, a long command line) */
export const MAX_XRAY_DETAIL = 160;

export type XrayEvent = Extract<EngineEvent, { op: 'xray' }>;

/**
 * The x-ray as the daemon sends it: its steps as text, one line per step,
 * "BY START MS OP DETAIL" (BY: d for the daemon, l for the launcher; START in ms on
 * CLOCK_MONOTONIC, the clock of both). The launcher reports its steps as such lines
 * already, so the daemon passes them on: building and JSON-encoding ~30 step objects per
 * docker command cost the guest about 15 ms in QuickJS under emulation. decodeXray turns
 * them into steps on the host.
 */
export interface XrayWireEvent {
  op: 'xray';
  command: string;
  ms: number;
  /** when the command started (START's clock); null for background work */
  started: number | null;
  dropped: number;
  lines: string;
}

/** What the guest sends: the engine's events, with the x-ray as text. */
export type EngineWireEvent = Exclude<EngineEvent, { op: 'xray' }> | XrayWireEvent;

/** One step as an x-ray line (the daemon's own steps; the launcher writes the same form in C). */
export function xrayLine(by: 'd' | 'l', start: number, ms: number, op: string, detail: string): string {
  return `${by} ${start.toFixed(3)} ${ms.toFixed(3)} ${op} ${detail.includes('\n') ? detail.replace(/\n/g, ' ') : detail}`;
}

const XRAY_LINE = /^([dl]) (-?\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\S+) ?(.*)$/;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The x-ray's lines as steps, in the order they started, `at` counted from the command's start. */
export function decodeXray(wire: XrayWireEvent): XrayEvent {
  const steps: (XrayStep & { start: number })[] = [];
  for (const line of wire.lines.split('\n')) {
    const m = XRAY_LINE.exec(line);
    if (!m) continue;
    const start = Number(m[2]);
    const detail = m[5].length > MAX_XRAY_DETAIL ? m[5].slice(0, MAX_XRAY_DETAIL - 3) + '...' : m[5];
    steps.push({ op: m[4], detail, ms: round3(Number(m[3])), by: m[1] === 'l' ? 'launcher' : 'daemon', start,
      ...(wire.started !== null ? { at: round3(start - wire.started) } : {}) });
  }
  steps.sort((a, b) => a.start - b.start);
  return {
    op: 'xray', command: wire.command, ms: round3(wire.ms), dropped: wire.dropped,
    steps: steps.map(({ start: _start, ...step }) => step),
  };
}

/** An event as the host hands it on (the x-ray decoded). */
export function decodeEngineEvent(event: EngineWireEvent): EngineEvent {
  return event.op === 'xray' ? decodeXray(event) : event;
}

export const ENGINE_EVENT_OPS = ['container.created', 'container.started', 'container.exited', 'container.removed', 'xray', 'build.step'] as const;

export function isEngineEvent(message: { op: string }): message is EngineEvent {
  return (ENGINE_EVENT_OPS as readonly string[]).includes(message.op);
}
