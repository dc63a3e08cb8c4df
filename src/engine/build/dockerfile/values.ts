// Checks of single values whose rules come from Docker's own packages: EXPOSE ports
// (go-connections/nat), STOPSIGNAL names (moby/sys/signal), --chmod modes.
import { fail, ok, type Checked } from './errors';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/**
 * `80`, `80/tcp`, `53/UDP`, `8000-8002` → the image config's ExposedPorts keys
 * (`80/tcp`…), a range listing each port as Docker does.
 */
export function parsePortSpec(spec: string): Checked<string[]> {
  const slash = spec.lastIndexOf('/');
  const ports = slash < 0 ? spec : spec.slice(0, slash);
  const proto = slash < 0 ? 'tcp' : spec.slice(slash + 1).toLowerCase();
  if (!PROTOCOLS.has(proto)) return fail(`invalid proto: ${spec.slice(slash + 1)}`);
  const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(ports);
  if (!m) return fail(`invalid containerPort: ${ports}`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (first < 0 || last > 65535 || first > 65535) return fail(`invalid containerPort: ${ports}`);
  if (last < first) return fail(`invalid range specified for containerPort: ${ports}`);
  const keys: string[] = [];
  for (let p = first; p <= last; p++) keys.push(`${p}/${proto}`);
  return ok(keys);
}

const SIGNALS = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE',
  'POLL', 'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU',
  'URG', 'USR1', 'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
]);

/** `SIGTERM`, `term`, `9`, `RTMIN+3`: kept as written when valid, like Docker. */
export function checkSignal(signal: string): Checked<string> {
  if (/^[0-9]+$/.test(signal)) return Number(signal) === 0 ? fail(`Invalid signal: ${signal}`) : ok(signal);
  const name = signal.toUpperCase().replace(/^SIG/, '');
  const rt = /^RTMIN\+([0-9]+)$|^RTMAX-([0-9]+)$/.exec(name);
  if (SIGNALS.has(name) || (rt && Number(rt[1] ?? rt[2]) <= 15)) return ok(signal);
  return fail(`Invalid signal: ${signal}`);
}

/** `--chmod=755`: octal only (Docker 27 also takes symbolic modes; we do not). */
export function parseChmod(mode: string): Checked<number> {
  if (!/^[0-7]{3,4}$/.test(mode)) return fail(`invalid chmod parameter "${mode}": use an octal mode such as 755`);
  return ok(parseInt(mode, 8));
}

/** ADD and COPY sources that would need the network (Dockhand's guest has none). */
export const isRemoteSource = (src: string): boolean =>
  /^(https?|git|ssh):\/\//i.test(src) || /^git@[^:]+:/.test(src);
