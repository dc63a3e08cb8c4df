// Starting and finishing a container: everything around the launcher — rootfs, /etc files,
// cgroup, the spec — and the clean-up afterwards (nothing left mounted or behind).
import * as kernel from '../kernel';
import { containerDir, type ContainerRecord, type ContainerStore } from '../store/container-store';
import type { StoredImage } from '../store/image-store';
import { EngineError } from './create';
import { cgroupPath, createCgroup, removeCgroup } from './cgroups';
import { mountRootfs, rootfsPath, unmountRootfs, writeEtcFiles } from './rootfs';
import { renderSpec, resolveUser } from './spec';
import { fillEmptyVolumes, launchMounts } from './volumes';
import { attachNetworks, etcFiles, refreshNames, releaseNetworks } from './networks';
import { publishPorts, unpublishPorts } from './ports';
import type { VolumeStore } from '../store/volume-store';

export const pidFilePath = (id: string) => `${containerDir(id)}/pid`;
export const logPath = (id: string) => `${containerDir(id)}/container.log`;

/**
 * Prepares a created container to run; returns the path of its launch spec.
 * detached: the launcher copies the container's output into its log file (docker logs).
 */
export function prepareStart(record: ContainerRecord, image: StoredImage, options: { detached?: boolean; volumes?: VolumeStore } = {}): string {
  const id = record.Id;
  mountRootfs(id, image);
  try {
    if (options.volumes) fillEmptyVolumes(record, rootfsPath(id), options.volumes);
    // an address on each network first, so /etc/hosts is written once, with it; their DNS tables learn the name
    const networks = attachNetworks(record);
    const binds = writeEtcFiles(id, record.Config.Hostname, etcFiles(record));
    if (networks.length) refreshNames(Object.keys(record.NetworkSettings?.Networks ?? {}));
    // Most containers run as root: read the image's passwd/group only for a user name.
    const named = /[^\d:]/.test(record.Config.User);
    const user = resolveUser(
      record.Config.User,
      named ? kernel.readText(`${rootfsPath(id)}/etc/passwd`) ?? '' : '', named ? kernel.readText(`${rootfsPath(id)}/etc/group`) ?? '' : '',
    );
    if ('error' in user) throw new EngineError(user.error, 126);
    publishPorts(record);
    const cgroup = createCgroup(id, {
      memory: record.HostConfig.Memory, pidsLimit: record.HostConfig.PidsLimit, nanoCpus: record.HostConfig.NanoCpus,
    });
    const spec = renderSpec({
      rootfs: rootfsPath(id), hostname: record.Config.Hostname, cwd: record.Config.WorkingDir || '/',
      env: record.Config.Env, args: [record.Path, ...record.Args], uid: user.uid, gid: user.gid, cgroup,
      privileged: record.HostConfig.Privileged, readonly: record.HostConfig.ReadonlyRootfs,
      capAdd: record.HostConfig.CapAdd, capDrop: record.HostConfig.CapDrop, binds,
      // detached: no one to read stdin (docker attach is not there yet); with -t the pty
      // stays open, so `docker run -dit … sh` keeps its shell waiting, as in Docker
      stdinNull: !record.Config.OpenStdin || options.detached === true, tty: record.Config.Tty,
      pidFile: pidFilePath(id), log: options.detached ? logPath(id) : undefined,
      mounts: launchMounts(record), hostNetwork: record.HostConfig.NetworkMode === 'host', init: record.HostConfig.Init === true,
      networks,
    });
    kernel.writeText(`${containerDir(id)}/spec`, spec);
    return `${containerDir(id)}/spec`;
  } catch (error) {
    finishContainer(record);
    throw error;
  }
}

export function markRunning(containers: ContainerStore, record: ContainerRecord, pid: number, persist = true): void {
  record.State = { ...record.State, Status: 'running', Running: true, Pid: pid, StartedAt: new Date().toISOString() };
  containers.save(record, persist);
}

export function markExited(containers: ContainerStore, record: ContainerRecord, exitCode: number, persist = true): void {
  unpublishPorts(record);
  releaseNetworks(record);
  record.State = { ...record.State, Status: 'exited', Running: false, Pid: 0, ExitCode: exitCode, FinishedAt: new Date().toISOString() };
  containers.save(record, persist);
}

/** Unmounts the rootfs and removes the cgroup; the writable layer (upper) stays for docker diff/commit. */
export function finishContainer(record: ContainerRecord): void {
  try {
    unmountRootfs(record.Id);
  } catch {
    // not mounted (a failed start): nothing to undo
  }
  if (kernel.exists(cgroupPath(record.Id))) removeCgroup(record.Id);
  unpublishPorts(record);
  releaseNetworks(record);
  kernel.remove(pidFilePath(record.Id));
}
