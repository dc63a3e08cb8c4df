// `docker system df` and `docker info`: the numbers come from the store and the kernel; this
// file words them as Docker's CLI does (cli/command/formatter/disk_usage.go, system/info.go).
import { bytesSize, humanSize } from './human';

export interface DfImage {
  /** diff_ids, bottom first */
  layers: readonly string[];
  /** containers made from it */
  containers: number;
}

export interface DfContainer { running: boolean; sizeRw: number }

export interface DfRow { Type: string; TotalCount: string; Active: string; Size: string; Reclaimable: string }

export const DF_TABLE = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
export const DF_HEADERS = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

const withPercent = (reclaimable: number, total: number) =>
  total > 0 ? `${humanSize(reclaimable)} (${Math.floor((reclaimable * 100) / total)}%)` : humanSize(reclaimable);

/**
 * The four rows of `docker system df`. Images: layers shared by several images count once;
 * reclaimable is what deleting every image no container uses would free (Docker's total
 * minus each active image's unshared size).
 */
export interface DfVolume { size: number; inUse: boolean }

export function diskUsageRows(
  images: readonly DfImage[], layerSize: (diffId: string) => number, containers: readonly DfContainer[], volumes: readonly DfVolume[] = [],
): DfRow[] {
  const uses = new Map<string, number>();
  for (const image of images) for (const l of new Set(image.layers)) uses.set(l, (uses.get(l) ?? 0) + 1);
  const total = [...uses.keys()].reduce((sum, l) => sum + layerSize(l), 0);
  let used = 0;
  for (const image of images) {
    if (!image.containers) continue;
    used += [...new Set(image.layers)].filter((l) => uses.get(l) === 1).reduce((sum, l) => sum + layerSize(l), 0);
  }
  const cTotal = containers.reduce((sum, c) => sum + c.sizeRw, 0);
  const cReclaimable = containers.filter((c) => !c.running).reduce((sum, c) => sum + c.sizeRw, 0);
  const vTotal = volumes.reduce((sum, v) => sum + v.size, 0);
  const vUsed = volumes.filter((v) => v.inUse).reduce((sum, v) => sum + v.size, 0);
  return [
    { Type: 'Images', TotalCount: String(images.length), Active: String(images.filter((i) => i.containers).length), Size: humanSize(total), Reclaimable: withPercent(total - used, total) },
    { Type: 'Containers', TotalCount: String(containers.length), Active: String(containers.filter((c) => c.running).length), Size: humanSize(cTotal), Reclaimable: withPercent(cReclaimable, cTotal) },
    {
      Type: 'Local Volumes', TotalCount: String(volumes.length), Active: String(volumes.filter((v) => v.inUse).length),
      Size: humanSize(vTotal), Reclaimable: withPercent(vTotal - vUsed, vTotal),
    },
    { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
  ];
}

/** What `docker info` reports (field names as Docker's `info --format` knows them). */
export interface InfoData {
  ID: string;
  Containers: number; ContainersRunning: number; ContainersPaused: number; ContainersStopped: number;
  Images: number;
  Driver: string;
  DockerRootDir: string;
  CgroupDriver: string;
  CgroupVersion: string;
  KernelVersion: string;
  OperatingSystem: string;
  OSType: string;
  Architecture: string;
  NCPU: number;
  MemTotal: number;
  Name: string;
  ServerVersion: string;
  Debug: boolean;
}

/** `docker info`'s text (the client part and the server part). */
export function infoText(info: InfoData, clientVersion: string): string {
  return [
    'Client:',
    ` Version:    ${clientVersion}`,
    ' Context:    default',
    ' Debug Mode: false',
    '',
    'Server:',
    ` Containers: ${info.Containers}`,
    `  Running: ${info.ContainersRunning}`,
    `  Paused: ${info.ContainersPaused}`,
    `  Stopped: ${info.ContainersStopped}`,
    ` Images: ${info.Images}`,
    ` Server Version: ${info.ServerVersion}`,
    ` Storage Driver: ${info.Driver}`,
    ` Cgroup Driver: ${info.CgroupDriver}`,
    ` Cgroup Version: ${info.CgroupVersion}`,
    ' Runtimes: dockhand-run',
    ' Default Runtime: dockhand-run',
    ` Kernel Version: ${info.KernelVersion}`,
    ` Operating System: ${info.OperatingSystem}`,
    ` OSType: ${info.OSType}`,
    ` Architecture: ${info.Architecture}`,
    ` CPUs: ${info.NCPU}`,
    ` Total Memory: ${bytesSize(info.MemTotal)}`,
    ` Name: ${info.Name}`,
    ` ID: ${info.ID}`,
    ` Docker Root Dir: ${info.DockerRootDir}`,
    ` Debug Mode: ${info.Debug}`,
    ' Experimental: false',
    ' Insecure Registries:',
    '  127.0.0.0/8',
    ' Live Restore Enabled: false',
    '',
  ].join('\n');
}

/** MemTotal of /proc/meminfo, in bytes. */
export function memTotal(meminfo: string): number {
  const m = /^MemTotal:\s+(\d+) kB/m.exec(meminfo);
  return m ? Number(m[1]) * 1024 : 0;
}

/** CPUs in /proc/cpuinfo. */
export const cpuCount = (cpuinfo: string): number => Math.max(1, (cpuinfo.match(/^processor\s*:/gm) ?? []).length);

/** PRETTY_NAME of /etc/os-release. */
export function prettyName(osRelease: string): string {
  const m = /^PRETTY_NAME=("?)(.*)\1$/m.exec(osRelease);
  return m ? m[2] : 'Linux';
}
