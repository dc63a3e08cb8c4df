// cgroup v2 per container, under /sys/fs/cgroup/dockhand/<id>: --memory, --pids-limit, --cpus.
import * as kernel from '../kernel';

const ROOT = '/sys/fs/cgroup/dockhand';
export const cgroupPath = (id: string) => `${ROOT}/${id}`;

export interface Limits { memory: number; pidsLimit: number; nanoCpus: number }

/** cpu.max for --cpus: a quota per 100 ms period (Docker's default period). */
export function cpuMax(nanoCpus: number): string {
  return nanoCpus > 0 ? `${Math.round((nanoCpus / 1e9) * 100000)} 100000` : 'max 100000';
}

let rootReady = false;

export function createCgroup(id: string, limits: Limits): string {
  if (!rootReady) {
    if (!kernel.exists(ROOT)) {
      kernel.mkdirs(ROOT);
      kernel.writeControl(`${ROOT}/cgroup.subtree_control`, '+cpu +memory +pids');
    }
    rootReady = true;
  }
  const path = cgroupPath(id);
  kernel.makeDir(path);
  if (limits.memory > 0) kernel.writeControl(`${path}/memory.max`, String(limits.memory));
  if (limits.pidsLimit > 0) kernel.writeControl(`${path}/pids.max`, String(limits.pidsLimit));
  if (limits.nanoCpus > 0) kernel.writeControl(`${path}/cpu.max`, cpuMax(limits.nanoCpus));
  return path;
}

/** Removes the group once its processes are gone (rmdir; the kernel refuses while any remain). */
export function removeCgroup(id: string): void {
  kernel.removeDir(cgroupPath(id));
}
