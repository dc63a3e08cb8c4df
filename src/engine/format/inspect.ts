// What `docker inspect` and `docker history` show, built from our records: Docker's field
// names and order (API 1.47, overlay2), with the real paths of this machine. Pure logic: the
// caller reads the records and the layer sizes.
import type { ContainerRecord } from '../store/container-store';
import type { ImageConfig } from '../oci/types';
import { ellipsis, humanDuration, humanSize } from './human';
import { ZERO_TIME } from './ps';

export interface ContainerPaths {
  /** the container's directory: /var/lib/dockhand/containers/<id> */
  dir: string;
  /** the image's layer directories, top-most first (overlayfs's lowerdir order) */
  lowerDirs: readonly string[];
  /** with --size: bytes of the writable layer, and of it plus the image */
  size?: { rw: number; rootFs: number };
}

/** NetworkSettings: each network's endpoint; the top-level address fields are the default bridge's (as Docker). */
function networkSettings(c: ContainerRecord): Record<string, unknown> {
  const networks = c.NetworkSettings?.Networks ?? {};
  const bridge = networks.bridge;
  const shown = Object.fromEntries(Object.entries(networks).map(([name, e]) => [name, {
    IPAMConfig: null, Links: null, Aliases: e.Aliases, MacAddress: e.MacAddress, NetworkID: e.NetworkID, EndpointID: e.EndpointID,
    Gateway: e.Gateway, IPAddress: e.IPAddress, IPPrefixLen: e.IPPrefixLen, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0,
    DNSNames: name === 'bridge' || !e.IPAddress ? null : [c.Name.replace(/^\//, ''), ...(e.Aliases ?? []), c.Id.slice(0, 12)],
  }]));
  return {
    Bridge: '', SandboxID: '', SandboxKey: c.State.Pid > 0 && c.HostConfig.NetworkMode !== 'host' ? `/proc/${c.State.Pid}/ns/net` : '', Ports: c.NetworkSettings?.Ports ?? {},
    Gateway: bridge?.Gateway ?? '', IPAddress: bridge?.IPAddress ?? '', IPPrefixLen: bridge?.IPPrefixLen ?? 0, MacAddress: bridge?.MacAddress ?? '',
    Networks: shown,
  };
}

/** `docker container inspect`'s object for one container. */
export function containerInspect(c: ContainerRecord, paths: ContainerPaths): Record<string, unknown> {
  const state = c.State;
  return {
    Id: c.Id,
    Created: c.Created,
    Path: c.Path,
    Args: c.Args,
    State: {
      Status: state.Status, Running: state.Running, Paused: state.Status === 'paused', Restarting: state.Status === 'restarting',
      OOMKilled: false, Dead: state.Status === 'dead', Pid: state.Pid, ExitCode: state.ExitCode, Error: '',
      StartedAt: state.StartedAt || ZERO_TIME, FinishedAt: state.FinishedAt || ZERO_TIME,
    },
    Image: c.Image,
    ResolvConfPath: `${paths.dir}/resolv.conf`,
    HostnamePath: `${paths.dir}/hostname`,
    HostsPath: `${paths.dir}/hosts`,
    LogPath: c.LogPath ?? '',
    Name: c.Name,
    RestartCount: c.RestartCount ?? 0,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: {
      ...c.HostConfig,
      NetworkMode: c.HostConfig.NetworkMode ?? 'none',
      Binds: c.HostConfig.Binds ?? null,
      PortBindings: c.HostConfig.PortBindings ?? {},
      PublishAllPorts: c.HostConfig.PublishAllPorts ?? false,
      RestartPolicy: c.HostConfig.RestartPolicy ?? { Name: 'no', MaximumRetryCount: 0 },
    },
    GraphDriver: {
      Data: {
        LowerDir: paths.lowerDirs.join(':'),
        MergedDir: `${paths.dir}/merged`,
        UpperDir: `${paths.dir}/upper`,
        WorkDir: `${paths.dir}/work`,
      },
      Name: 'overlay2',
    },
    ...(paths.size ? { SizeRw: paths.size.rw, SizeRootFs: paths.size.rootFs } : {}),
    Mounts: (c.Mounts ?? []).map(({ NoCopy: _nocopy, Options: _options, ...shown }) => shown),
    Config: {
      Hostname: c.Config.Hostname,
      Domainname: '',
      User: c.Config.User,
      AttachStdin: c.Config.OpenStdin,
      AttachStdout: true,
      AttachStderr: true,
      Tty: c.Config.Tty,
      ...(c.Config.ExposedPorts ? { ExposedPorts: c.Config.ExposedPorts } : {}),
      OpenStdin: c.Config.OpenStdin,
      StdinOnce: c.Config.OpenStdin,
      Env: c.Config.Env,
      Cmd: c.Config.Cmd,
      Image: c.Config.Image,
      Volumes: null,
      WorkingDir: c.Config.WorkingDir,
      Entrypoint: c.Config.Entrypoint,
      OnBuild: null,
      Labels: c.Config.Labels,
      ...(c.Config.StopSignal ? { StopSignal: c.Config.StopSignal } : {}),
      ...(c.Config.StopTimeout !== undefined ? { StopTimeout: c.Config.StopTimeout } : {}),
    },
    NetworkSettings: networkSettings(c),
  };
}

/** What image inspect needs of a stored image. */
export interface InspectableImage {
  id: string;
  refs: readonly string[];
  config: ImageConfig;
  size: number;
  /** layer directories, bottom layer first (as diff_ids) */
  layerDirs: readonly string[];
}

/** `docker image inspect`'s object for one image. */
export function imageInspect(image: InspectableImage): Record<string, unknown> {
  const config = image.config;
  const dirs = image.layerDirs;
  const data: Record<string, string> = {};
  if (dirs.length > 1) data.LowerDir = [...dirs.slice(0, -1)].reverse().join(':');
  if (dirs.length > 0) data.UpperDir = dirs[dirs.length - 1];
  return {
    Id: `sha256:${image.id}`,
    RepoTags: [...image.refs],
    RepoDigests: [],
    Parent: '',
    Comment: '',
    Created: config.created ?? ZERO_TIME,
    DockerVersion: '',
    Author: config.author ?? '',
    Config: config.config ?? null,
    Architecture: config.architecture,
    ...(config.variant ? { Variant: config.variant } : {}),
    Os: config.os,
    Size: image.size,
    GraphDriver: { Data: data, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: config.rootfs.diff_ids },
    Metadata: { LastTagTime: ZERO_TIME },
  };
}

export const HISTORY_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
export const HISTORY_HEADERS = {
  ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT',
};

export interface HistoryRow { ID: string; CreatedSince: string; CreatedAt: string; CreatedBy: string; Size: string; Comment: string }

export interface HistoryOptions {
  /** epoch seconds */
  now: number;
  truncate: boolean;
  human: boolean;
}

/** Go's time.RFC3339 in UTC: `2026-11-29T02:47:00Z`. */
const rfc3339 = (seconds: number) => new Date(Math.trunc(seconds) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * `docker history`: one row per history entry, newest first. The image's ID heads the top
 * row and the rest are `<missing>` (their intermediate images were never stored here, as for
 * any pulled image); a row's size is its layer's, 0 for a step that made no layer.
 */
export function historyRows(imageId: string, config: ImageConfig, layerSizes: readonly number[], options: HistoryOptions): HistoryRow[] {
  let layer = 0;
  const rows = (config.history ?? []).map((h) => {
    const size = h.empty_layer ? 0 : layerSizes[layer++] ?? 0;
    const ms = Date.parse(h.created ?? '');
    const created = Number.isFinite(ms) ? ms / 1000 : 0;
    const createdBy = (h.created_by ?? '').replaceAll('\t', ' ');
    return {
      ID: '<missing>',
      CreatedSince: options.human ? `${humanDuration(Math.max(0, options.now - created))} ago` : rfc3339(created),
      CreatedAt: rfc3339(created),
      CreatedBy: options.truncate ? ellipsis(createdBy, 45) : createdBy,
      Size: options.human ? humanSize(size, 3) : String(size),
      Comment: h.comment ?? '',
    };
  }).reverse();
  if (rows.length > 0) rows[0].ID = options.truncate ? imageId.replace(/^sha256:/, '').slice(0, 12) : `sha256:${imageId.replace(/^sha256:/, '')}`;
  return rows;
}
