// Volumes on disk, as Docker's local driver keeps them: /var/lib/dockhand/volumes/<name>/_data
// holds the data (what containers mount), <name>/volume.json what `docker volume inspect` shows.
// Data outlives containers: only `docker volume rm`/`prune` (or `docker rm -v` for an anonymous
// volume) deletes it.
import * as kernel from '../kernel';
import { STORE_ROOT } from './image-store';

const ROOT = `${STORE_ROOT}/volumes`;
/** Docker marks volumes made for `-v /path` and image VOLUMEs so prune can tell them apart */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export interface VolumeRecord {
  Name: string;
  Driver: 'local';
  Mountpoint: string;
  CreatedAt: string;
  Labels: Record<string, string>;
  Scope: 'local';
  Options: null;
}

export const volumeData = (name: string) => `${ROOT}/${name}/_data`;

export class VolumeStore {
  list(): VolumeRecord[] {
    if (!kernel.isDirectory(ROOT)) return [];
    return kernel.listDir(ROOT).sort()
      .map((name) => kernel.readJson<VolumeRecord>(`${ROOT}/${name}/volume.json`))
      .filter((v): v is VolumeRecord => v !== null);
  }

  get(name: string): VolumeRecord | null {
    return /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name) ? kernel.readJson<VolumeRecord>(`${ROOT}/${name}/volume.json`) : null;
  }

  /** Makes the volume, or returns the one of that name (docker volume create is idempotent). */
  create(name: string, labels: Record<string, string> = {}): { volume: VolumeRecord; created: boolean } {
    const existing = this.get(name);
    if (existing) return { volume: existing, created: false };
    const volume: VolumeRecord = {
      Name: name, Driver: 'local', Mountpoint: volumeData(name), CreatedAt: new Date().toISOString(), Labels: labels, Scope: 'local', Options: null,
    };
    kernel.mkdirs(volumeData(name));
    kernel.writeText(`${ROOT}/${name}/volume.json`, JSON.stringify(volume, null, 2));
    return { volume, created: true };
  }

  isAnonymous(volume: VolumeRecord): boolean {
    return ANONYMOUS_LABEL in volume.Labels;
  }

  /** Bytes of the files in it (docker system df -v, docker volume ls has no size). */
  size(name: string): number {
    return kernel.treeSize(volumeData(name));
  }

  isEmpty(name: string): boolean {
    return kernel.listDir(volumeData(name)).length === 0;
  }

  /** Deletes it and its data; the caller has checked no container uses it. */
  remove(name: string): void {
    kernel.removeTree(`${ROOT}/${name}`);
  }
}
