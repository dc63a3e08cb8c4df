// The flags `docker run` and `docker create` share (docker/cli cli/command/container/opts.go),
// the subset Dockhand's engine implements, with Docker's names, letters and descriptions.
// Note `-h` here is --hostname, so `docker run -h` is not help (`docker run --help` is).
import type { FlagSpec } from './spec';
import type { Converted } from './values';

/** Docker's NanoCPUs: a rational number (`1.5`, `3/2`) that is a whole count of billionths. */
function parseCpus(raw: string): Converted<number> {
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(raw);
  const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/.exec(raw);
  if (fraction ? Number(fraction[2]) === 0 : !decimal) {
    return { ok: false, error: `failed to parse ${raw} as a rational number` };
  }
  const tooPrecise = { ok: false, error: 'value is too precise' } as const;
  if (fraction) {
    const [n, d] = [Number(fraction[1]), Number(fraction[2])];
    return (n * 1e9) % d === 0 ? { ok: true, value: n / d } : tooPrecise;
  }
  const mantissa = raw.split(/[eE]/)[0];
  const decimals = (mantissa.split('.')[1] ?? '').replace(/0+$/, '').length - Number(decimal![1] ?? 0);
  return decimals > 9 ? tooPrecise : { ok: true, value: Number(raw) };
}

/** ValidateExtraHost: `host:ip` (or `host=ip`). */
function parseExtraHost(raw: string): Converted<string> {
  return /^[^:=]+[:=].+$/.test(raw)
    ? { ok: true, value: raw }
    : { ok: false, error: `bad format for add-host: ${JSON.stringify(raw)}` };
}

export const CREATE_FLAGS: readonly FlagSpec[] = [
  { name: 'add-host', type: 'string-list', description: 'Add a custom host-to-IP mapping (host:ip)', parse: parseExtraHost },
  { name: 'cap-add', type: 'string-list', description: 'Add Linux capabilities' },
  { name: 'cap-drop', type: 'string-list', description: 'Drop Linux capabilities' },
  { name: 'cpus', type: 'float', valueName: 'decimal', description: 'Number of CPUs', parse: parseCpus },
  { name: 'entrypoint', type: 'string', description: 'Overwrite the default ENTRYPOINT of the image' },
  { name: 'env', short: 'e', type: 'string-list', description: 'Set environment variables' },
  { name: 'env-file', type: 'string-list', description: 'Read in a file of environment variables' },
  { name: 'expose', type: 'string-list', description: 'Expose a port or a range of ports' },
  { name: 'hostname', short: 'h', type: 'string', description: 'Container host name' },
  { name: 'init', type: 'bool', description: 'Run an init inside the container that forwards signals and reaps processes' },
  { name: 'interactive', short: 'i', type: 'bool', description: 'Keep STDIN open even if not attached' },
  { name: 'label', short: 'l', type: 'string-list', description: 'Set meta data on a container' },
  { name: 'memory', short: 'm', type: 'bytes', description: 'Memory limit' },
  { name: 'mount', type: 'string-list', valueName: 'mount', description: 'Attach a filesystem mount to the container' },
  { name: 'name', type: 'string', description: 'Assign a name to the container' },
  { name: 'network', type: 'string', valueName: 'network', aliases: ['net'], description: 'Connect a container to a network' },
  {
    name: 'network-alias', type: 'string-list', aliases: ['net-alias'],
    description: 'Add network-scoped alias for the container',
  },
  { name: 'pids-limit', type: 'int', description: 'Tune container pids limit (set -1 for unlimited)' },
  { name: 'privileged', type: 'bool', description: 'Give extended privileges to this container' },
  { name: 'publish', short: 'p', type: 'string-list', description: "Publish a container's port(s) to the host" },
  { name: 'publish-all', short: 'P', type: 'bool', description: 'Publish all exposed ports to random ports' },
  { name: 'read-only', type: 'bool', description: "Mount the container's root filesystem as read only" },
  { name: 'restart', type: 'string', default: 'no', description: 'Restart policy to apply when a container exits' },
  {
    name: 'rm', type: 'bool',
    description: 'Automatically remove the container and its associated anonymous volumes when it exits',
  },
  { name: 'stop-signal', type: 'string', description: 'Signal to stop the container' },
  { name: 'stop-timeout', type: 'int', description: 'Timeout (in seconds) to stop a container' },
  { name: 'tmpfs', type: 'string-list', description: 'Mount a tmpfs directory' },
  { name: 'tty', short: 't', type: 'bool', description: 'Allocate a pseudo-TTY' },
  { name: 'user', short: 'u', type: 'string', description: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
  { name: 'volume', short: 'v', type: 'string-list', description: 'Bind mount a volume' },
  { name: 'workdir', short: 'w', type: 'string', description: 'Working directory inside the container' },
];

/** One of the create flags, for commands that take the same flag with the same text (docker exec). */
export function createFlag(name: string): FlagSpec {
  const flag = CREATE_FLAGS.find((f) => f.name === name);
  if (!flag) throw new Error(`no create flag --${name}`);
  return flag;
}

/** `docker run` adds detaching to what `docker create` takes. */
export const RUN_FLAGS: readonly FlagSpec[] = [
  ...CREATE_FLAGS,
  { name: 'detach', short: 'd', type: 'bool', description: 'Run container in background and print container ID' },
];
