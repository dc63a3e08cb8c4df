// Containers on disk: one directory per container under /var/lib/dockhand/containers/<id>,
// with config.json (Docker's inspect field names), the overlay dirs and the launch spec.
import * as kernel from '../kernel';
import { findContainer } from './ids';
import type { PortBindings } from '../network/ports';

export const CONTAINERS_ROOT = '/var/lib/dockhand/containers';

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead';

export interface ContainerRecord {
  Id: string;
  Name: string;
  Created: string;
  Path: string;
  Args: string[];
  /** sha256:<image id> */
  Image: string;
  Config: {
    Hostname: string; Env: string[]; Cmd: string[] | null; Entrypoint: string[] | null; WorkingDir: string;
    User: string; Tty: boolean; OpenStdin: boolean; Image: string; Labels: Record<string, string>;
    /** --stop-signal (or the image's STOPSIGNAL) and --stop-timeout */
    StopSignal?: string; StopTimeout?: number;
    /** the image's EXPOSE, --expose and the -p container ports ("80/tcp": {}) */
    ExposedPorts?: Record<string, Record<string, never>>;
  };
  HostConfig: {
    AutoRemove: boolean; Memory: number; PidsLimit: number; NanoCpus: number; Privileged: boolean;
    CapAdd: string[]; CapDrop: string[]; ReadonlyRootfs: boolean;
    /** -v as given (Docker's HostConfig.Binds) */
    Binds?: string[];
    /** --add-host entries, host:ip */
    ExtraHosts?: string[];
    /** --init: a tiny init is PID 1 and runs the command as its child */
    Init?: boolean;
    /** --network: bridge (the default), a user-defined network's name, none (loopback only) or host (the VM's) */
    NetworkMode?: string;
    /** -p: container port "80/tcp" → host bindings (HostPort '' = chosen at start) */
    PortBindings?: PortBindings;
    /** -P: every exposed port to a host port chosen at start */
    PublishAllPorts?: boolean;
    /** --restart (absent in records made before it existed: "no") */
    RestartPolicy?: { Name: 'no' | 'always' | 'unless-stopped' | 'on-failure'; MaximumRetryCount: number };
  };
  /** times the restart policy restarted it */
  RestartCount?: number;
  /** the detached container's output: <dir>/container.log, one "o|e TIMESTAMP TEXT" line per line */
  LogPath?: string;
  State: { Status: ContainerStatus; Running: boolean; Pid: number; ExitCode: number; StartedAt: string; FinishedAt: string };
  /** the networks it is connected to (docker inspect's NetworkSettings.Networks); addresses only while it runs */
  NetworkSettings?: {
    Networks: Record<string, EndpointSettings>;
    /** while it runs: each exposed port → its host bindings (null: exposed, not published) */
    Ports?: Record<string, { HostIp: string; HostPort: string }[] | null>;
  };
  /** volumes, bind mounts and tmpfs mounts (absent in records made before volumes existed) */
  Mounts?: ContainerMount[];
}

/** A container's endpoint on one network, as `docker inspect` shows it (plus the host end of its veth). */
export interface EndpointSettings {
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  MacAddress: string;
  /** --network-alias (user-defined networks only) */
  Aliases: string[] | null;
  /** the veth's end in the VM, a port of the network's bridge (while it runs) */
  HostVeth?: string;
}

/** A mount as `docker inspect` shows it (plus what the engine needs to set it up). */
export interface ContainerMount {
  Type: 'volume' | 'bind' | 'tmpfs';
  /** the volume's name (volumes only) */
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: 'local';
  Mode: string;
  RW: boolean;
  Propagation: string;
  /** tmpfs: its mount options (size=…, mode=…) */
  Options?: string;
  /** volume-nocopy: do not fill an empty volume with the image's files there */
  NoCopy?: boolean;
}

export const containerDir = (id: string) => `${CONTAINERS_ROOT}/${id}`;

/** Told after each change: previous is the status last saved (undefined for a new container). */
export type ContainerChangeListener = (record: ContainerRecord, previous: ContainerStatus | undefined, removed: boolean) => void;

export class ContainerStore {
  private records = new Map<string, ContainerRecord>();
  /** the status each container had when last saved (records are mutated in place before save) */
  private readonly lastStatus = new Map<string, ContainerStatus>();
  private readonly listeners: ContainerChangeListener[] = [];

  /** Watches saves and removals (the control API's lifecycle events); a failing listener is ignored. */
  onChange(listener: ContainerChangeListener): void {
    this.listeners.push(listener);
  }

  private changed(record: ContainerRecord, previous: ContainerStatus | undefined, removed: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(record, previous, removed);
      } catch {
        // observers must not break the engine
      }
    }
  }

  /**
   * Reads the saved containers; returns the IDs of directories without a record: --rm
   * containers (never written to disk) that a daemon restart interrupted, to be cleaned up.
   */
  load(): string[] {
    kernel.mkdirs(CONTAINERS_ROOT, 0o700);
    const leftovers: string[] = [];
    for (const id of kernel.listDir(CONTAINERS_ROOT)) {
      const record = kernel.readJson<ContainerRecord>(`${containerDir(id)}/config.json`);
      if (record) {
        this.records.set(id, record);
        this.lastStatus.set(id, record.State.Status);
      } else {
        leftovers.push(id);
      }
    }
    return leftovers;
  }

  list(): ContainerRecord[] {
    return [...this.records.values()].sort((a, b) => Date.parse(b.Created) - Date.parse(a.Created));
  }

  nameTaken(name: string): boolean {
    return this.list().some((c) => c.Name === `/${name}`);
  }

  find(text: string): { ok: true; record: ContainerRecord } | { ok: false; error: string } {
    const found = findContainer(this.list().map((c) => ({ id: c.Id, names: [c.Name.slice(1)], record: c })), text);
    return found.ok ? { ok: true, record: found.item.record } : { ok: false, error: found.error };
  }

  /** Keeps the record in memory and (unless told not to) writes it to config.json. */
  save(record: ContainerRecord, persist = true): void {
    this.records.set(record.Id, record);
    const previous = this.lastStatus.get(record.Id);
    this.lastStatus.set(record.Id, record.State.Status);
    if (persist) {
      kernel.mkdirs(containerDir(record.Id), 0o700);
      kernel.writeText(`${containerDir(record.Id)}/config.json`, JSON.stringify(record));
    }
    if (this.listeners.length) this.changed(record, previous, false);
  }

  /** Forgets the container and deletes its directory (the caller has unmounted it). */
  remove(id: string): void {
    const record = this.records.get(id);
    this.records.delete(id);
    this.lastStatus.delete(id);
    kernel.removeTree(containerDir(id));
    if (record && this.listeners.length) this.changed(record, record.State.Status, true);
  }
}
