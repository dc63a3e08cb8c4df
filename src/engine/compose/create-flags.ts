// A planned container (plan.ts ContainerSpec) as the `docker create` command line that makes it:
// flag values, the image and the arguments, so compose and the CLI share one code path
// (runtime/create.ts createContainer). Pure.
import { defaults, type FlagValues } from '../cli/flags';
import { CREATE_FLAGS } from '../cli/run-flags';
import type { PortMapping, ServiceMount } from './model';
import type { ContainerSpec } from './plan';

export interface CreateArgs {
  flags: FlagValues;
  /** the flags given (createContainer acts on some only when given: --entrypoint, --stop-timeout) */
  changed: string[];
  image: string;
  args: string[];
  /** networks after the first (`docker create` takes one --network; the rest are connected before the start) */
  moreNetworks: { name: string; aliases: string[] }[];
}

/** `ports:` as `-p` text: `8080:80`, `127.0.0.1:8080:80`, `127.0.0.1::80`, `80`, `53:53/udp`. */
export function publishFlag(port: PortMapping): string {
  const ip = port.hostIp === undefined ? '' : port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
  const host = ip ? `${ip}:${port.published ?? ''}:` : port.published !== undefined ? `${port.published}:` : '';
  return `${host}${port.target}${port.protocol === 'udp' ? '/udp' : ''}`;
}

/** A mount as `-v` (a bind compose may create) or `--mount` text. */
export function mountFlag(mount: ServiceMount): { flag: 'volume' | 'mount'; value: string } {
  switch (mount.type) {
    case 'bind':
      // -v makes a missing host directory, as compose's short syntax does; --mount refuses, as create_host_path: false
      if (mount.createHostPath && !mount.source.includes(':') && !mount.target.includes(':')) {
        return { flag: 'volume', value: `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}` };
      }
      return { flag: 'mount', value: `type=bind,source=${mount.source},target=${mount.target}${mount.readOnly ? ',readonly' : ''}` };
    case 'volume':
      return {
        flag: 'mount',
        value: ['type=volume', ...(mount.source ? [`source=${mount.source}`] : []), `target=${mount.target}`,
          ...(mount.readOnly ? ['readonly'] : []), ...(mount.nocopy ? ['volume-nocopy'] : [])].join(','),
      };
    case 'tmpfs':
      return {
        flag: 'mount',
        value: ['type=tmpfs', `target=${mount.target}`, ...(mount.size !== undefined ? [`tmpfs-size=${mount.size}`] : []),
          ...(mount.mode !== undefined ? [`tmpfs-mode=${mount.mode.toString(8)}`] : [])].join(','),
      };
  }
}

export function createArgs(spec: ContainerSpec): CreateArgs {
  const s = spec.service;
  const flags = defaults(CREATE_FLAGS);
  const changed: string[] = [];
  const set = (name: string, value: FlagValues[string] | undefined) => {
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) return;
    flags[name] = value;
    changed.push(name);
  };
  set('name', spec.name);
  set('label', Object.entries(spec.labels).map(([k, v]) => `${k}=${v}`));
  set('env', Object.entries(s.environment).map(([k, v]) => `${k}=${v}`));
  set('publish', s.ports.map(publishFlag));
  const [first, ...moreNetworks] = spec.networks;
  if (first) {
    set('network', first.name);
    set('network-alias', first.aliases);
  }
  const mounts = spec.mounts.map(mountFlag);
  set('volume', mounts.filter((m) => m.flag === 'volume').map((m) => m.value));
  set('mount', mounts.filter((m) => m.flag === 'mount').map((m) => m.value));
  if (s.restart !== 'no') set('restart', s.restart);
  set('hostname', s.hostname);
  set('workdir', s.workingDir);
  set('user', s.user);
  set('tty', s.tty);
  set('interactive', s.stdinOpen);
  set('init', s.init);
  set('privileged', s.privileged);
  set('read-only', s.readOnly);
  set('cap-add', s.capAdd);
  set('cap-drop', s.capDrop);
  set('memory', s.memLimit);
  set('pids-limit', s.pidsLimit);
  set('cpus', s.cpus);
  set('stop-signal', s.stopSignal);
  set('stop-timeout', s.stopGracePeriod);
  // --entrypoint takes one word: the rest of compose's entrypoint list goes before the command
  // (the process's argv is the same; `docker inspect` shows them as Cmd)
  let args = s.command ?? [];
  if (s.entrypoint) {
    flags.entrypoint = s.entrypoint[0] ?? '';
    changed.push('entrypoint');
    args = [...s.entrypoint.slice(1), ...args];
  }
  return { flags, changed, image: spec.image, args: [...args], moreNetworks };
}
