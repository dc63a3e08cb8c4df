// `docker create` (and the first half of `docker run`): a container record from the image's
// config and the command line's flags, as Docker merges them.
import { flagBool, flagList, flagNumber, flagString } from '../cli/parse';
import type { FlagValues } from '../cli/flags';
import { labelMap } from '../cli/values';
import * as kernel from '../kernel';
import type { ContainerRecord, ContainerStore, EndpointSettings } from '../store/container-store';
import { newContainerId, shortId } from '../store/ids';
import type { ImageStore, StoredImage } from '../store/image-store';
import { pickName, validateName } from '../store/names';
import type { VolumeStore } from '../store/volume-store';
import { collectMounts } from './mount-specs';
import { parseRestartPolicy, parseSignal } from './signals';
import { resolveMounts } from './volumes';
import { newEndpoint, networkStore } from './networks';
import { DEFAULT_BRIDGE } from '../network/store';
import { exposedKeys, portBindings, PortSpecError, splitKey, type PortBindings } from '../network/ports';

export class EngineError extends Error {
  constructor(message: string, readonly exitCode = 125) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Docker's entrypoint/cmd rules: --entrypoint replaces the image's and clears its Cmd. */
export function resolveCommand(
  image: { Entrypoint?: string[] | null; Cmd?: string[] | null }, entrypointFlag: string | null, args: readonly string[],
): { entrypoint: string[] | null; cmd: string[] | null } {
  const entrypoint = entrypointFlag === null ? image.Entrypoint ?? null : entrypointFlag === '' ? null : [entrypointFlag];
  const cmd = args.length > 0 ? [...args] : entrypointFlag === null ? image.Cmd ?? null : null;
  return { entrypoint, cmd };
}

/** Environment: the image's, then -e (KEY=VALUE; a bare KEY is left out: the client's env is not sent). */
export function mergeEnv(imageEnv: readonly string[], flags: readonly string[], hostname: string, tty: boolean): string[] {
  const env = new Map<string, string>();
  const put = (entry: string) => {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry);
  };
  put('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  imageEnv.forEach(put);
  put(`HOSTNAME=${hostname}`);
  if (tty) put('TERM=xterm');
  flags.forEach(put);
  if (!env.has('HOME')) put('HOME=/root');
  return [...env.values()];
}

/** What creating a container needs besides the image and container stores. */
export interface CreateContext { volumes: VolumeStore; /** the client's working directory (-v ./dir, --env-file) */ cwd: string }

export function createContainer(
  images: ImageStore, containers: ContainerStore, flags: FlagValues, changed: readonly string[], imageRef: string, args: readonly string[],
  context: CreateContext,
): { record: ContainerRecord; image: StoredImage } {
  const ports = portConfig(flagList(flags, 'publish'), flagList(flags, 'expose'));
  const { mode: network, networks } = resolveNetwork(flagString(flags, 'network') || 'bridge', flagList(flags, 'network-alias'));
  const image = images.find(imageRef);
  if (!image) {
    throw new EngineError(`Unable to find image '${imageRef}' locally\ndocker: Error response from daemon: pull access denied for ${imageRef.split(':')[0]}, repository does not exist (Dockhand has no registry: see docker images).`);
  }
  let name = flagString(flags, 'name');
  if (name) {
    const valid = validateName(name);
    if (!valid.ok) throw new EngineError(valid.error);
    if (containers.nameTaken(name)) {
      const owner = containers.find(name);
      throw new EngineError(`Conflict. The container name "/${name}" is already in use by container "${owner.ok ? owner.record.Id : ''}". You have to remove (or rename) that container to be able to reuse that name.`);
    }
  }
  // One read of the kernel's randomness for the ID and the name (each read is a few syscalls).
  let pool = kernel.randomBytes(64);
  let id: string | null = newContainerId(pool.subarray(0, 32));
  while (!id) id = newContainerId(kernel.randomBytes(32));
  let next = 32;
  const random = (n: number) => {
    if (next + 4 > pool.length) { pool = kernel.randomBytes(64); next = 0; }
    const value = ((pool[next] << 24) | (pool[next + 1] << 16) | (pool[next + 2] << 8) | pool[next + 3]) >>> 0;
    next += 4;
    return value % n;
  };
  if (!name) name = pickName(random, (n) => containers.nameTaken(n), shortId(id));

  const restart = parseRestartPolicy(flagString(flags, 'restart'));
  if ('error' in restart) throw new EngineError(restart.error);
  if (restart.Name !== 'no' && flagBool(flags, 'rm')) throw new EngineError('Conflicting options: cannot specify both --restart and --rm');
  const config = image.config.config ?? {};
  const hostname = flagString(flags, 'hostname') || shortId(id);
  const tty = flagBool(flags, 'tty');
  const { entrypoint, cmd } = resolveCommand(config, changed.includes('entrypoint') ? flagString(flags, 'entrypoint') : null, args);
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (argv.length === 0) throw new EngineError('no command specified');
  const specs = collectMounts(
    { volumes: flagList(flags, 'volume'), mounts: flagList(flags, 'mount'), tmpfs: flagList(flags, 'tmpfs') }, Object.keys(config.Volumes ?? {}), context.cwd,
  );
  if (!specs.ok) throw new EngineError(specs.error);
  const envFromFiles = readEnvFiles(flagList(flags, 'env-file'), context.cwd);
  const stopSignal = flagString(flags, 'stop-signal') || config.StopSignal || '';
  if (stopSignal && parseSignal(stopSignal) === null) throw new EngineError(`Invalid signal: ${stopSignal}`);
  const labels = labelMap(flagList(flags, 'label'));
  const mounts = resolveMounts(specs.value, context.volumes);
  const now = new Date().toISOString();
  const record: ContainerRecord = {
    Id: id, Name: `/${name}`, Created: now, Path: argv[0], Args: argv.slice(1), Image: `sha256:${image.id}`,
    Config: {
      Hostname: hostname, Env: mergeEnv(config.Env ?? [], [...envFromFiles, ...flagList(flags, 'env')], hostname, tty), Cmd: cmd, Entrypoint: entrypoint,
      WorkingDir: flagString(flags, 'workdir') || config.WorkingDir || '', User: flagString(flags, 'user') || config.User || '',
      Tty: tty, OpenStdin: flagBool(flags, 'interactive'), Image: imageRef, Labels: { ...(config.Labels ?? {}), ...labels },
      ...(stopSignal ? { StopSignal: stopSignal } : {}),
      ...(ports.exposed.length || config.ExposedPorts ? { ExposedPorts: exposedSet([...Object.keys(config.ExposedPorts ?? {}), ...ports.exposed]) } : {}),
      ...(changed.includes('stop-timeout') ? { StopTimeout: flagNumber(flags, 'stop-timeout') } : {}),
    },
    HostConfig: {
      AutoRemove: flagBool(flags, 'rm'), Memory: flagNumber(flags, 'memory'), PidsLimit: flagNumber(flags, 'pids-limit'),
      NanoCpus: Math.round(flagNumber(flags, 'cpus') * 1e9), Privileged: flagBool(flags, 'privileged'),
      CapAdd: [...flagList(flags, 'cap-add')], CapDrop: [...flagList(flags, 'cap-drop')], ReadonlyRootfs: flagBool(flags, 'read-only'),
      RestartPolicy: restart, Binds: [...flagList(flags, 'volume')], ExtraHosts: [...flagList(flags, 'add-host')],
      Init: flagBool(flags, 'init'), NetworkMode: network,
      PortBindings: ports.bindings, PublishAllPorts: flagBool(flags, 'publish-all'),
    },
    NetworkSettings: { Networks: networks },
    Mounts: mounts,
    RestartCount: 0,
    State: { Status: 'created', Running: false, Pid: 0, ExitCode: 0, StartedAt: '0001-01-01T00:00:00Z', FinishedAt: '0001-01-01T00:00:00Z' },
  };
  // A --rm container lives in memory only: it is gone when it exits (a daemon restart cleans up its directory).
  containers.save(record, !record.HostConfig.AutoRemove);
  return { record, image };
}

/** -p and --expose: the bindings, and the container ports they expose (errors as Docker words them). */
function portConfig(publish: readonly string[], expose: readonly string[]): { bindings: PortBindings; exposed: string[] } {
  try {
    const bindings = portBindings(publish);
    return { bindings, exposed: [...exposedKeys(expose), ...Object.keys(bindings)] };
  } catch (error) {
    if (error instanceof PortSpecError) throw new EngineError(error.message);
    throw error;
  }
}

/** Docker's ExposedPorts set, keys normalized to "port/proto" and sorted by port. */
function exposedSet(keys: readonly string[]): Record<string, Record<string, never>> {
  const normalized = [...new Set(keys.map((k) => { const { port, protocol } = splitKey(k); return `${port}/${protocol}`; }))];
  normalized.sort((a, b) => splitKey(a).port - splitKey(b).port || a.localeCompare(b));
  return Object.fromEntries(normalized.map((k) => [k, {}]));
}

/** --network and --network-alias: the network the container joins first (bridge by default). */
function resolveNetwork(name: string, aliases: readonly string[]): { mode: string; networks: Record<string, EndpointSettings> } {
  const userDefinedOnly = 'network-scoped alias is supported only for containers in user defined networks';
  if (name === 'none' || name === 'host') {
    if (aliases.length) throw new EngineError(userDefinedOnly);
    return { mode: name, networks: {} };
  }
  const store = networkStore();
  const network = store?.find(name);
  if (!network) throw new EngineError(name.startsWith('container:') ? `--network ${name}: sharing another container's network namespace is not in Dockhand yet` : `network ${name} not found`);
  if (network.Name === DEFAULT_BRIDGE && aliases.length) throw new EngineError(userDefinedOnly);
  return { mode: network.Name, networks: { [network.Name]: newEndpoint(network, [...aliases]) } };
}

/** --env-file: KEY=VALUE lines (# comments, blank lines skipped; a bare KEY is left out: the client's env is not sent). */
function readEnvFiles(files: readonly string[], cwd: string): string[] {
  const env: string[] = [];
  for (const file of files) {
    const path = file.startsWith('/') ? file : `${cwd}/${file}`;
    const text = kernel.readText(path);
    if (text === null) throw new EngineError(`open ${file}: no such file or directory`);
    for (const line of text.split('\n').map((l) => l.replace(/^\s+/, ''))) {
      if (line && !line.startsWith('#') && line.includes('=')) env.push(line.replace(/\r$/, ''));
    }
  }
  return env;
}
