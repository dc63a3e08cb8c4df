// A container's mounts made real: named volumes created on first use (and filled with the
// image's files at that path when empty, as Docker does), anonymous volumes for `-v /path`
// and the image's VOLUMEs, bind mounts of VM paths, tmpfs mounts. The launcher mounts them
// (spec lines "bind SRC DST [ro]" and "tmpfs DST OPTIONS") before pivot_root.
import * as kernel from '../kernel';
import type { ContainerMount, ContainerRecord, ContainerStore } from '../store/container-store';
import { idFromBytes } from '../store/ids';
import { ANONYMOUS_LABEL, volumeData, type VolumeStore } from '../store/volume-store';
import { EngineError } from './create';
import type { MountSpec } from './mount-specs';
import type { LaunchMount } from './spec';

/** Creates the volumes the specs name (or need) and checks bind sources; the record's Mounts. */
export function resolveMounts(specs: readonly MountSpec[], volumes: VolumeStore): ContainerMount[] {
  const mounts: ContainerMount[] = [];
  for (const spec of specs) {
    if (spec.type === 'volume') {
      const name = spec.name ?? idFromBytes(kernel.randomBytes(32));
      volumes.create(name, spec.name ? {} : { [ANONYMOUS_LABEL]: '' });
      mounts.push({
        Type: 'volume', Name: name, Source: volumeData(name), Destination: spec.target, Driver: 'local', Mode: spec.readonly ? 'ro' : 'z',
        RW: !spec.readonly, Propagation: '', ...(spec.nocopy ? { NoCopy: true } : {}),
      });
    } else if (spec.type === 'bind') {
      if (!kernel.exists(spec.source)) {
        if (!spec.create) throw new EngineError(`invalid mount config for type "bind": bind source path does not exist: ${spec.source}`);
        kernel.mkdirs(spec.source); // -v makes a missing host directory, as Docker does
      }
      mounts.push({ Type: 'bind', Source: spec.source, Destination: spec.target, Mode: spec.readonly ? 'ro' : '', RW: !spec.readonly, Propagation: 'rprivate' });
    } else {
      mounts.push({ Type: 'tmpfs', Source: '', Destination: spec.target, Mode: '', RW: !spec.options.split(',').includes('ro'), Propagation: '', Options: spec.options });
    }
  }
  // parents before children: /data before /data/logs
  return mounts.sort((a, b) => a.Destination.split('/').length - b.Destination.split('/').length);
}

/**
 * Before a start: a volume that is still empty gets the image's files at its mount point
 * (the first container to use `-v db:/var/lib/db` sees the image's initial database there).
 */
export function fillEmptyVolumes(record: ContainerRecord, rootfs: string, volumes: VolumeStore): void {
  for (const mount of record.Mounts ?? []) {
    if (mount.Type !== 'volume' || mount.NoCopy || !mount.Name || !volumes.isEmpty(mount.Name)) continue;
    const inImage = rootfs + mount.Destination;
    if (!kernel.isDirectory(inImage) || kernel.listDir(inImage).length === 0) continue;
    if (kernel.runProgram(['cp', '-a', `${inImage}/.`, `${volumeData(mount.Name)}/`], { quiet: true }) !== 0) {
      throw new EngineError(`copying the image's ${mount.Destination} into volume ${mount.Name} failed`);
    }
  }
}

/** The containers (IDs) whose mounts use the volume. */
export function volumeUsers(name: string, containers: ContainerStore): string[] {
  return containers.list().filter((c) => (c.Mounts ?? []).some((m) => m.Type === 'volume' && m.Name === name)).map((c) => c.Id);
}

/** docker rm -v and --rm: the container's anonymous volumes go with it (named ones stay). */
export function removeAnonymousVolumes(record: ContainerRecord, volumes: VolumeStore, containers: ContainerStore): void {
  for (const mount of record.Mounts ?? []) {
    if (mount.Type !== 'volume' || !mount.Name) continue;
    const volume = volumes.get(mount.Name);
    if (volume && volumes.isAnonymous(volume) && volumeUsers(mount.Name, containers).every((id) => id === record.Id)) volumes.remove(mount.Name);
  }
}

/** What the launcher mounts for the container's volumes, binds and tmpfs mounts, in order. */
export function launchMounts(record: ContainerRecord): LaunchMount[] {
  return (record.Mounts ?? []).map((m) => (m.Type === 'tmpfs'
    ? { kind: 'tmpfs', target: m.Destination, options: m.Options ?? '' }
    : { kind: 'bind', source: m.Source, target: m.Destination, readonly: !m.RW }));
}
