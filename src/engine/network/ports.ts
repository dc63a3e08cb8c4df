// Published ports, Docker's way: `-p [ip:][hostPort:]containerPort[/proto]` (ranges too),
// `--expose`, `-P`; the host ports chosen at start; and how `docker ps` and `docker port`
// print them. Pure: runtime/ports.ts applies the result with nftables.

/** Docker's HostConfig.PortBindings: "80/tcp" → [{HostIp: '', HostPort: '8080'}] ('' = any / pick one). */
export type PortBindings = Record<string, { HostIp: string; HostPort: string }[]>;

/** One binding once the container runs (NetworkSettings.Ports' entries). */
export interface ActivePort { containerPort: number; protocol: 'tcp' | 'udp'; hostIp: string; hostPort: number }

export class PortSpecError extends Error {}

const PROTOCOLS = ['tcp', 'udp'] as const;

/** "8080" or "8080-8082" → [8080] / [8080, 8081, 8082]; null when not a port (range). */
function portRange(text: string): number[] | null {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 || end > 65535 || end < start) return null;
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** One `-p` value → its bindings, keyed "port/proto". */
export function parsePublish(spec: string): { key: string; hostIp: string; hostPort: string }[] {
  let rest = spec;
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
      throw new PortSpecError(protocol === 'sctp' ? 'publishing sctp ports is not in Dockhand' : `invalid proto: ${protocol}`);
    }
  }
  const parts = rest.split(':');
  if (parts.length > 3) throw new PortSpecError(`invalid port format for --publish: ${spec}`);
  const [ip, host, container] = parts.length === 3 ? parts : parts.length === 2 ? ['', parts[0], parts[1]] : ['', '', parts[0]];
  if (ip && !isIPv4(ip)) throw new PortSpecError(`invalid IP address: ${ip}`);
  const containerPorts = portRange(container);
  if (!containerPorts) throw new PortSpecError(`invalid containerPort: ${container}`);
  const hostPorts = host ? portRange(host) : null;
  if (host && !hostPorts) throw new PortSpecError(`invalid hostPort: ${host}`);
  if (hostPorts && hostPorts.length !== containerPorts.length) {
    throw new PortSpecError(`invalid ranges specified for container and host Ports: ${container} and ${host}`);
  }
  return containerPorts.map((port, i) => ({ key: `${port}/${protocol}`, hostIp: ip, hostPort: hostPorts ? String(hostPorts[i]) : '' }));
}

/** All `-p` values → PortBindings (a container port may be published more than once). */
export function portBindings(specs: readonly string[]): PortBindings {
  const bindings: PortBindings = {};
  for (const spec of specs) {
    for (const { key, hostIp, hostPort } of parsePublish(spec)) (bindings[key] ??= []).push({ HostIp: hostIp, HostPort: hostPort });
  }
  return bindings;
}

/** `--expose 80`, `--expose 7000-7002/udp` → "80/tcp" keys. */
export function exposedKeys(specs: readonly string[]): string[] {
  return specs.flatMap((spec) => {
    const [ports, protocol = 'tcp'] = spec.toLowerCase().split('/');
    const range = portRange(ports);
    if (!range) throw new PortSpecError(`invalid range format for --expose specification: "${spec}"`);
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) throw new PortSpecError(`invalid proto: ${protocol}`);
    return range.map((p) => `${p}/${protocol}`);
  });
}

/** "80/tcp" → {port, protocol}; a key without a protocol is tcp (as in an image's ExposedPorts). */
export function splitKey(key: string): { port: number; protocol: 'tcp' | 'udp' } {
  const [port, protocol = 'tcp'] = key.split('/');
  return { port: Number(port), protocol: protocol === 'udp' ? 'udp' : 'tcp' };
}

/** The lowest port of Linux's ephemeral range Docker picks random host ports from. */
export const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

const overlaps = (a: string, b: string) => a === '0.0.0.0' || b === '0.0.0.0' || a === b;

/**
 * Chooses the host ports at start: the bindings (+ every exposed port with -P) against the ports
 * other running containers hold. Throws Docker's "port is already allocated".
 */
export function allocatePorts(
  bindings: PortBindings, exposed: readonly string[], publishAll: boolean, taken: readonly ActivePort[],
): ActivePort[] {
  const wanted: { key: string; hostIp: string; hostPort: string }[] = [];
  for (const [key, list] of Object.entries(bindings)) for (const b of list) wanted.push({ key, hostIp: b.HostIp, hostPort: b.HostPort });
  if (publishAll) for (const key of exposed) if (!bindings[key]) wanted.push({ key, hostIp: '', hostPort: '' });
  const held = [...taken];
  const free = (protocol: string, ip: string, port: number) => !held.some((t) => t.protocol === protocol && t.hostPort === port && overlaps(t.hostIp, ip));
  const out: ActivePort[] = [];
  for (const w of wanted) {
    const { port, protocol } = splitKey(w.key);
    const hostIp = w.hostIp || '0.0.0.0';
    let hostPort = Number(w.hostPort);
    if (!w.hostPort) {
      hostPort = EPHEMERAL_FIRST;
      while (hostPort <= EPHEMERAL_LAST && !free(protocol, hostIp, hostPort)) hostPort++;
      if (hostPort > EPHEMERAL_LAST) throw new PortSpecError('all ports are allocated');
    } else if (!free(protocol, hostIp, hostPort)) {
      throw new PortSpecError(`Bind for ${hostIp}:${hostPort} failed: port is already allocated`);
    }
    const active = { containerPort: port, protocol, hostIp, hostPort };
    held.push(active);
    out.push(active);
  }
  return out;
}

/** NetworkSettings.Ports: every exposed port (null when not published) and the active bindings. */
export function networkPorts(exposed: readonly string[], active: readonly ActivePort[]): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const key of exposed) ports[key] = null;
  for (const a of active) (ports[`${a.containerPort}/${a.protocol}`] ??= [])!.push({ HostIp: a.hostIp, HostPort: String(a.hostPort) });
  return ports;
}

/** NetworkSettings.Ports back to the active bindings. */
export function activePorts(ports: Record<string, { HostIp: string; HostPort: string }[] | null> | undefined): ActivePort[] {
  const out: ActivePort[] = [];
  for (const [key, list] of Object.entries(ports ?? {})) {
    const { port, protocol } = splitKey(key);
    for (const b of list ?? []) out.push({ containerPort: port, protocol, hostIp: b.HostIp, hostPort: Number(b.HostPort) });
  }
  return out;
}

const byPort = (a: { port: number; protocol: string }, b: { port: number; protocol: string }) => a.port - b.port || a.protocol.localeCompare(b.protocol);

/** `docker ps`'s PORTS: "0.0.0.0:8080->80/tcp, 443/tcp" (published first by port, then exposed only). */
export function psPorts(ports: Record<string, { HostIp: string; HostPort: string }[] | null> | undefined): string {
  const entries = Object.entries(ports ?? {}).map(([key, list]) => ({ ...splitKey(key), list }));
  return entries.sort(byPort).flatMap(({ port, protocol, list }) =>
    list && list.length ? list.map((b) => `${b.HostIp}:${b.HostPort}->${port}/${protocol}`) : [`${port}/${protocol}`]).join(', ');
}

/** `docker port NAME [PORT[/PROTO]]`: the lines to print, or an error text. */
export function portLines(
  name: string, ports: Record<string, { HostIp: string; HostPort: string }[] | null> | undefined, only?: string,
): { lines: string[] } | { error: string } {
  if (only) {
    const key = only.includes('/') ? only.toLowerCase() : `${only}/tcp`;
    const list = ports?.[key];
    if (!list || list.length === 0) return { error: `Error: No public port '${key}' published for ${name}` };
    return { lines: list.map((b) => `${b.HostIp}:${b.HostPort}`) };
  }
  const entries = Object.entries(ports ?? {}).map(([key, list]) => ({ ...splitKey(key), key, list })).sort(byPort);
  return { lines: entries.flatMap(({ key, list }) => (list ?? []).map((b) => `${key} -> ${b.HostIp}:${b.HostPort}`)) };
}
