// `docker ps`: which containers it lists (-a, -n, -l, --filter as the daemon's list.go
// applies them) and the fields of each row (docker/cli's ContainerContext). Pure logic over
// container records (Docker's inspect field names).
import { commandLine, containerStatus, humanSize, psCommand, timeAgo, type ContainerState } from './human';
import { psPorts } from '../network/ports';

/** What a row is made from: the parts of a ContainerRecord `docker ps` reads. */
export interface PsContainer {
  Id: string;
  Name: string;
  Created: string;
  Path: string;
  Args: readonly string[];
  Image: string;
  Config: { Image: string; Labels: Record<string, string> };
  /** volumes show by name, bind mounts by source */
  Mounts?: readonly { Type: string; Name?: string; Source: string }[];
  State: { Status: string; Running: boolean; ExitCode: number; StartedAt: string; FinishedAt: string };
  /** the NETWORKS column: the networks' names (none and host: the mode) */
  NetworkSettings?: { Networks: Record<string, unknown>; Ports?: Record<string, { HostIp: string; HostPort: string }[] | null> };
  HostConfig?: { NetworkMode?: string };
}

export const PS_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
export const PS_HEADERS = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED',
  Ports: 'PORTS', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS', Mounts: 'MOUNTS',
  Networks: 'NETWORKS', State: 'STATE', LocalVolumes: 'LOCAL VOLUMES',
};

/** Go's zero time, which Docker stores for "never started/finished". */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** Epoch seconds of an RFC 3339 time, or undefined for Go's zero time (or nonsense). */
export function epochSeconds(time: string): number | undefined {
  if (!time || time.startsWith('0001-')) return undefined;
  const ms = Date.parse(time);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

export function stateOf(c: PsContainer): ContainerState {
  return {
    running: c.State.Running, paused: c.State.Status === 'paused', restarting: c.State.Status === 'restarting',
    dead: c.State.Status === 'dead', exitCode: c.State.ExitCode,
    startedAt: epochSeconds(c.State.StartedAt), finishedAt: epochSeconds(c.State.FinishedAt),
  };
}

/** Go's time.Time.String() in UTC: `2026-11-29 02:47:00 +0000 UTC`. */
export function goTimeString(seconds: number): string {
  const iso = new Date(Math.trunc(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

export interface PsRow {
  ID: string; Image: string; Command: string; CreatedAt: string; RunningFor: string; Ports: string;
  Status: string; Size: string; Names: string; Labels: string; Mounts: string; Networks: string;
  State: string; LocalVolumes: string;
}

/** `docker ps -s` adds this column to the default table. */
export const PS_TABLE_SIZE = PS_TABLE + '\t{{.Size}}';

/** The SIZE column: the writable layer, and with the image's layers (`3B (virtual 2.12MB)`). */
export const psSize = (rw: number, rootFs: number): string => `${humanSize(rw, 3)} (virtual ${humanSize(rootFs, 3)})`;

/** One row, as ContainerContext renders it (`now` in epoch seconds; `size` for -s). */
export function psRow(c: PsContainer, now: number, truncate: boolean, size?: { rw: number; rootFs: number }): PsRow {
  const created = epochSeconds(c.Created) ?? now;
  let image = c.Config.Image || '<no image>';
  // an image given by ID shows as a short ID; a digest reference drops its digest
  if (truncate) {
    const bare = image.replace(/^sha256:/, '');
    if (/^[a-f0-9]{64}$/.test(bare)) image = bare.slice(0, 12);
    else if (image.includes('@')) image = image.slice(0, image.indexOf('@'));
  }
  const labels = Object.keys(c.Config.Labels ?? {}).sort().map((k) => `${k}=${c.Config.Labels[k]}`).join(',');
  return {
    ID: truncate ? c.Id.slice(0, 12) : c.Id,
    Image: image,
    Command: psCommand(commandLine(c.Path, c.Args), truncate),
    CreatedAt: goTimeString(created),
    RunningFor: timeAgo(Math.max(0, now - created)),
    Ports: c.State.Running ? psPorts(c.NetworkSettings?.Ports) : '',
    Status: containerStatus(stateOf(c), now),
    Size: size ? psSize(size.rw, size.rootFs) : humanSize(0, 3),
    Names: c.Name.replace(/^\//, ''),
    Labels: labels,
    Mounts: (c.Mounts ?? []).filter((m) => m.Type !== 'tmpfs').map((m) => (m.Name ? (truncate && m.Name.length > 15 ? m.Name.slice(0, 15) + '…' : m.Name) : m.Source)).join(','),
    Networks: Object.keys(c.NetworkSettings?.Networks ?? {}).join(',') || c.HostConfig?.NetworkMode || '',
    State: c.State.Status,
    LocalVolumes: String((c.Mounts ?? []).filter((m) => m.Type === 'volume').length),
  };
}

export type PsFilters = Map<string, string[]>;

const STATES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];
const FILTER_KEYS = ['status', 'name', 'id', 'exited', 'ancestor', 'label', 'before', 'since'];

/** `-f key=value` values → filters, or the error Docker prints (and exits 1 with, or 125 for a malformed one). */
export function parsePsFilters(values: readonly string[]): { ok: true; filters: PsFilters } | { ok: false; error: string; exitCode: number } {
  const filters: PsFilters = new Map();
  for (const raw of values) {
    const eq = raw.indexOf('=');
    if (eq < 0) {
      return {
        ok: false, exitCode: 125,
        error: `invalid argument ${JSON.stringify(raw)} for "-f, --filter" flag: bad format of filter (expected name=value)\nSee 'docker ps --help'.`,
      };
    }
    const key = raw.slice(0, eq).trim().toLowerCase();
    const value = raw.slice(eq + 1).trim();
    if (!FILTER_KEYS.includes(key)) return { ok: false, exitCode: 1, error: `Error response from daemon: invalid filter '${key}'` };
    if (key === 'status' && !STATES.includes(value)) {
      return { ok: false, exitCode: 1, error: `Error response from daemon: invalid filter 'status=${value}'` };
    }
    if (key === 'exited' && !/^-?\d+$/.test(value)) {
      return { ok: false, exitCode: 1, error: `Error response from daemon: invalid filter 'exited=${value}'` };
    }
    filters.set(key, [...(filters.get(key) ?? []), value]);
  }
  return { ok: true, filters };
}

export interface PsSelection {
  all: boolean;
  /** -n: the last n created (all states); -1 for no limit */
  last: number;
  latest: boolean;
  filters: PsFilters;
  /** the image ID each reference names, for ancestor= (null when unknown) */
  resolveImage?: (ref: string) => string | null;
}

/** Creation order of two containers, newest first; records written within one millisecond keep the list's order. */
const newestFirst = (a: PsContainer, b: PsContainer) => Date.parse(b.Created) - Date.parse(a.Created);

function matches(c: PsContainer, filters: PsFilters, all: readonly PsContainer[], resolveImage?: (ref: string) => string | null): boolean {
  const any = (key: string, test: (value: string) => boolean) => !filters.has(key) || filters.get(key)!.some(test);
  const findOne = (text: string) => all.find((o) => o.Id === text || o.Name === `/${text.replace(/^\//, '')}` || o.Id.startsWith(text));
  return any('status', (v) => c.State.Status === v)
    && any('name', (v) => {
      try {
        return new RegExp(v).test(c.Name.slice(1)) || new RegExp(v).test(c.Name);
      } catch {
        return c.Name.includes(v);
      }
    })
    && any('id', (v) => c.Id.startsWith(v))
    && any('exited', (v) => c.State.Status === 'exited' && c.State.ExitCode === Number(v))
    && any('ancestor', (v) => {
      if (c.Config.Image === v || c.Image.replace(/^sha256:/, '').startsWith(v.replace(/^sha256:/, ''))) return true;
      const id = resolveImage?.(v);
      return !!id && c.Image.replace(/^sha256:/, '') === id.replace(/^sha256:/, '');
    })
    && any('label', (v) => {
      const eq = v.indexOf('=');
      const key = eq < 0 ? v : v.slice(0, eq);
      return key in (c.Config.Labels ?? {}) && (eq < 0 || c.Config.Labels[key] === v.slice(eq + 1));
    })
    && any('before', (v) => {
      const other = findOne(v);
      return !!other && Date.parse(c.Created) < Date.parse(other.Created);
    })
    && any('since', (v) => {
      const other = findOne(v);
      return !!other && Date.parse(c.Created) > Date.parse(other.Created);
    });
}

/** The containers `docker ps` lists, newest first. A status filter, -n and -l include stopped ones, as in Docker. */
export function selectContainers<T extends PsContainer>(containers: readonly T[], selection: PsSelection): T[] {
  const sorted = [...containers].sort(newestFirst);
  const limit = selection.latest ? 1 : selection.last;
  const all = selection.all || limit > 0 || selection.filters.has('status');
  const picked = sorted.filter((c) => (all || c.State.Running) && matches(c, selection.filters, sorted, selection.resolveImage));
  return limit > 0 ? picked.slice(0, limit) : picked;
}
