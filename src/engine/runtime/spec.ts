// The launch spec for dockhand-run (src/engine/native/dockhand-run.c): plain text, one
// "key value" per line, so a student can `cat` exactly what the engine asked the kernel for.
// Values escape backslash and newline as \\ and \n (sh -c scripts may span lines).
// Pure logic: what to run comes from the image config and the `docker run` flags.

/** Docker's default capabilities (moby oci/caps/defaults.go). */
export const DEFAULT_CAPS = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FSETID', 'CAP_FOWNER', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETGID',
  'CAP_SETUID', 'CAP_SETFCAP', 'CAP_SETPCAP', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_CHROOT', 'CAP_KILL', 'CAP_AUDIT_WRITE',
] as const;

/** Every capability of Linux 6.12, in number order (for --cap-add ALL). */
export const ALL_CAPS = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_SETGID',
  'CAP_SETUID', 'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN',
  'CAP_NET_RAW', 'CAP_IPC_LOCK', 'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT', 'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT', 'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_SYS_RESOURCE', 'CAP_SYS_TIME',
  'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD', 'CAP_LEASE', 'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_SETFCAP',
  'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG', 'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ',
  'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE',
] as const;

/** Docker's default masked and read-only paths (moby oci/defaults.go). */
export const MASKED_PATHS = [
  '/proc/asound', '/proc/acpi', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list',
  '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap',
];
export const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** What any process the launcher starts needs: a new container's PID 1, or a docker exec. */
export interface ProcessSpec {
  cwd: string;
  env: string[];
  args: string[];
  uid: number;
  gid: number;
  cgroup: string;
  privileged: boolean;
  capAdd: string[];
  capDrop: string[];
  /** no -i: the process's stdin is /dev/null, as in Docker */
  stdinNull: boolean;
  /** -t: a pty of its own, made in the container's /dev/pts (native/console.c) */
  tty?: boolean;
}

/** A new container: its rootfs, hostname, mounts and protections, and its PID 1. */
export interface LaunchSpec extends ProcessSpec {
  rootfs: string;
  hostname: string;
  readonly: boolean;
  binds: { source: string; target: string; readonly: boolean }[];
  /** where the launcher writes the host pid of the container's PID 1 */
  pidFile?: string;
  /** detached: the log file the launcher copies the container's stdout and stderr into */
  log?: string;
  /** the process's stdout and stderr go to this file (docker build -q: a RUN step's output) */
  output?: string;
  /** volumes, bind mounts and tmpfs mounts, mounted in this order after `binds` */
  mounts?: LaunchMount[];
  /** --network host: no network namespace of its own (the VM's interfaces) */
  hostNetwork?: boolean;
  /** --init: a tiny init is PID 1, reaps orphans and passes signals on to the command */
  init?: boolean;
  /** bridge networks: one veth pair each (eth0, eth1 … inside), made by the launcher */
  networks?: LaunchNetwork[];
}

/** A veth pair: VETH a port of BRIDGE in the VM, ethN inside with ADDRESS (ip/prefix), default route via GATEWAY on eth0. */
export interface LaunchNetwork { bridge: string; veth: string; address: string; gateway: string; mac: string }

export type LaunchMount =
  | { kind: 'bind'; source: string; target: string; readonly: boolean }
  | { kind: 'tmpfs'; target: string; options: string };

/** docker exec: a process in the namespaces and cgroup of a running container (its PID 1's host pid). */
export interface ExecSpec extends ProcessSpec {
  join: number;
}

/** `chown` → `CAP_CHOWN`; `ALL` stays `ALL` (Docker accepts both spellings). */
export function normalizeCap(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
}

/** The capabilities kept: Docker's defaults, plus --cap-add, minus --cap-drop (ALL allowed on both). */
export function effectiveCaps(capAdd: readonly string[], capDrop: readonly string[], allCaps: readonly string[]): string[] {
  const add = capAdd.map(normalizeCap);
  const drop = capDrop.map(normalizeCap);
  let caps: string[] = add.includes('ALL') ? [...allCaps] : [...DEFAULT_CAPS, ...add];
  if (drop.includes('ALL')) caps = add.includes('ALL') ? caps : add.filter((c) => c !== 'ALL');
  else caps = caps.filter((c) => !drop.includes(c));
  return [...new Set(caps)];
}

export function renderSpec(spec: LaunchSpec, allCaps: readonly string[] = ALL_CAPS): string {
  return escapeLines([
    `rootfs ${spec.rootfs}`,
    `namespaces pid mnt uts ipc${spec.hostNetwork ? '' : ' net'}`,
    ...(spec.init ? ['init 1'] : []),
    ...(spec.hostNetwork ? [] : (spec.networks ?? []).map((n) => `network ${n.bridge} ${n.veth} ${n.address} ${n.gateway} ${n.mac}`)),
    `hostname ${spec.hostname}`,
    `readonly ${spec.readonly ? 1 : 0}`,
    ...(spec.pidFile ? [`pid-file ${spec.pidFile}`] : []),
    ...(spec.log ? [`log ${spec.log}`] : []),
    ...(spec.output ? [`output ${spec.output}`] : []),
    ...(spec.privileged ? [] : MASKED_PATHS.map((p) => `mask ${p}`)),
    ...(spec.privileged ? [] : READONLY_PATHS.map((p) => `ro-path ${p}`)),
    ...spec.binds.map((b) => `bind ${b.source} ${b.target}${b.readonly ? ' ro' : ''}`),
    ...(spec.mounts ?? []).map((m) => (m.kind === 'bind'
      ? `bind ${m.source} ${m.target}${m.readonly ? ' ro' : ''}`
      : `tmpfs ${m.target} ${m.options || 'mode=755'}`)),
    ...processLines(spec, allCaps),
  ]);
}

export function renderExecSpec(spec: ExecSpec, allCaps: readonly string[] = ALL_CAPS): string {
  return escapeLines([`join ${spec.join}`, ...processLines(spec, allCaps)]);
}

/** The lines both kinds of spec share; the argv comes last. */
function processLines(spec: ProcessSpec, allCaps: readonly string[]): string[] {
  return [
    `cwd ${spec.cwd || '/'}`,
    `uid ${spec.uid}`,
    `gid ${spec.gid}`,
    `cgroup ${spec.cgroup}`,
    `privileged ${spec.privileged ? 1 : 0}`,
    ...(spec.stdinNull ? ['stdin-null 1'] : []),
    ...(spec.tty ? ['tty 1'] : []),
    ...spec.env.map((e) => `env ${e}`),
    ...(spec.privileged ? [] : effectiveCaps(spec.capAdd, spec.capDrop, allCaps).map((c) => `cap ${c}`)),
    ...spec.args.map((a) => `arg ${a}`),
  ];
}

function escapeLines(lines: string[]): string {
  const escape = (line: string) => (line.includes('\\') || line.includes('\n') ? line.replaceAll('\\', '\\\\').replaceAll('\n', '\\n') : line);
  return lines.map(escape).join('\n') + '\n';
}

/**
 * `-u` / the image's User: "uid[:gid]" or "name[:group]", names looked up in the
 * container's own /etc/passwd and /etc/group (as Docker does, not the VM's).
 */
export function resolveUser(user: string, passwd: string, group: string): { uid: number; gid: number } | { error: string } {
  if (!user) return { uid: 0, gid: 0 };
  const [u, g] = user.split(':');
  const passwdLine = passwd.split('\n').map((l) => l.split(':')).find((f) => f[0] === u || (/^\d+$/.test(u) && f[2] === u));
  const uid = /^\d+$/.test(u) ? Number(u) : passwdLine ? Number(passwdLine[2]) : NaN;
  if (!Number.isFinite(uid)) return { error: `unable to find user ${u}: no matching entries in passwd file` };
  let gid = passwdLine ? Number(passwdLine[3]) : 0;
  if (g !== undefined) {
    const groupLine = group.split('\n').map((l) => l.split(':')).find((f) => f[0] === g);
    gid = /^\d+$/.test(g) ? Number(g) : groupLine ? Number(groupLine[2]) : NaN;
    if (!Number.isFinite(gid)) return { error: `unable to find group ${g}: no matching entries in group file` };
  }
  return { uid, gid };
}
