// `docker compose config`: the normalized project in compose's canonical form (long syntax,
// snake_case keys, names resolved, durations as Go durations, sizes in bytes), as YAML or JSON.
// Pure.
import type { ComposeProject, Healthcheck, ServiceConfig, ServiceMount } from './model';

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** 90 → `1m30s`, 0.5 → `500ms` (Go's time.Duration String, for the durations compose prints). */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round((seconds % 60) * 1000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

const omitEmpty = (obj: Record<string, Value | undefined>): { [key: string]: Value } => {
  const out: { [key: string]: Value } = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === false || (Array.isArray(v) && v.length === 0)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
};

function mount(m: ServiceMount): Value {
  switch (m.type) {
    case 'volume': return omitEmpty({ type: 'volume', source: m.source, target: m.target, read_only: m.readOnly, volume: m.nocopy ? { nocopy: true } : undefined });
    case 'bind': return omitEmpty({ type: 'bind', source: m.source, target: m.target, read_only: m.readOnly, bind: { create_host_path: m.createHostPath } });
    case 'tmpfs': return omitEmpty({ type: 'tmpfs', target: m.target, tmpfs: omitEmpty({ size: m.size, mode: m.mode }) });
  }
}

function healthcheck(h: Healthcheck): Value {
  const d = (s: number | undefined) => (s === undefined ? undefined : goDuration(s));
  return omitEmpty({
    test: h.test, interval: d(h.interval), timeout: d(h.timeout), start_period: d(h.startPeriod),
    start_interval: d(h.startInterval), retries: h.retries,
  });
}

function service(s: ServiceConfig): Value {
  return omitEmpty({
    build: s.build && omitEmpty({ context: s.build.context, dockerfile: s.build.dockerfile, args: s.build.args, target: s.build.target }),
    cap_add: s.capAdd, cap_drop: s.capDrop,
    command: s.command, container_name: s.containerName, cpus: s.cpus,
    depends_on: Object.fromEntries(Object.entries(s.dependsOn).map(([n, d]) => [n, { condition: d.condition, required: d.required, restart: d.restart }])),
    entrypoint: s.entrypoint, environment: s.environment,
    healthcheck: s.healthcheck && healthcheck(s.healthcheck),
    hostname: s.hostname, image: s.image, init: s.init, labels: s.labels,
    mem_limit: s.memLimit === undefined ? undefined : String(s.memLimit),
    networks: Object.fromEntries(Object.entries(s.networks).map(([n, { aliases }]) => [n, aliases.length ? { aliases } : null])),
    pids_limit: s.pidsLimit,
    ports: s.ports.map((p) => omitEmpty({ mode: 'ingress', host_ip: p.hostIp, target: p.target, published: p.published, protocol: p.protocol })),
    privileged: s.privileged, read_only: s.readOnly, restart: s.restart === 'no' ? undefined : s.restart,
    stdin_open: s.stdinOpen, stop_grace_period: s.stopGracePeriod === undefined ? undefined : goDuration(s.stopGracePeriod),
    stop_signal: s.stopSignal, tty: s.tty, user: s.user, volumes: s.volumes.map(mount), working_dir: s.workingDir,
  });
}

/** The project as compose's `config` prints it; `only` limits it to these services. */
export function canonicalProject(project: ComposeProject, only: readonly string[] = []): { [key: string]: Value } {
  const services = project.services.filter((s) => only.length === 0 || only.includes(s.name));
  const usedNetworks = new Set(services.flatMap((s) => Object.keys(s.networks)));
  const usedVolumes = new Set(services.flatMap((s) => s.volumes.flatMap((m) => (m.type === 'volume' && m.source ? [m.source] : []))));
  const networks = Object.entries(project.networks).filter(([k]) => usedNetworks.has(k))
    .map(([k, n]) => [k, omitEmpty({ name: n.name, external: n.external, internal: n.internal, labels: n.labels })]);
  const volumes = Object.entries(project.volumes).filter(([k]) => usedVolumes.has(k))
    .map(([k, v]) => [k, omitEmpty({ name: v.name, external: v.external, driver_opts: v.driverOpts, labels: v.labels })]);
  return omitEmpty({
    name: project.name,
    services: Object.fromEntries(services.map((s) => [s.name, service(s)])),
    networks: Object.fromEntries(networks), volumes: Object.fromEntries(volumes),
  });
}

/** Plain YAML scalars stay bare; anything YAML would read differently (or not at all) is quoted. */
function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  const plain = /^(?:[A-Za-z0-9_./]|-(?=\S))[A-Za-z0-9_./@ :=+-]*$/.test(v) && !/: |:$| $/.test(v)
    && !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(v) && !/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v)
    && !/^0[xXoO]/.test(v);
  return plain ? v : JSON.stringify(v);
}

const isObject = (v: Value): v is { [key: string]: Value } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Block-style YAML, two spaces per level, as compose prints its config. */
export function toYaml(value: Value, indent = ''): string {
  if (isObject(value)) {
    return Object.entries(value).map(([k, v]) => {
      const key = `${indent}${scalar(k)}:`;
      if (isObject(v) ? Object.keys(v).length === 0 : Array.isArray(v) && v.length === 0) return `${key} ${Array.isArray(v) ? '[]' : '{}'}\n`;
      if (isObject(v) || Array.isArray(v)) return `${key}\n${toYaml(v, indent + '  ')}`;
      return `${key} ${scalar(v)}\n`;
    }).join('');
  }
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (isObject(item) && Object.keys(item).length > 0) {
        // the first key on the dash's line, the rest under it
        const body = toYaml(item, indent + '  ');
        return `${indent}- ${body.slice(indent.length + 2)}`;
      }
      if (Array.isArray(item)) return `${indent}-\n${toYaml(item, indent + '  ')}`;
      return `${indent}- ${isObject(item) ? '{}' : scalar(item)}\n`;
    }).join('');
  }
  return `${indent}${scalar(value)}\n`;
}
