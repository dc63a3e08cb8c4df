// `docker system df` and `docker info`: real numbers from the image store (layer sizes
// recorded at unpacking), the containers' upper dirs, and the kernel (/proc, cgroup v2).
import { volumeUsers } from '../runtime/volumes';
import { flagString } from '../cli/parse';
import { formatInspect, formatList } from '../format/output';
import { cpuCount, DF_HEADERS, DF_TABLE, diskUsageRows, infoText, memTotal, prettyName, type InfoData } from '../format/system';
import * as kernel from '../kernel';
import { idFromBytes } from '../store/ids';
import { containerDir, type ContainerRecord } from '../store/container-store';
import { layerDir, STORE_ROOT } from '../store/image-store';
import type { CommandContext } from './context';
import { ENGINE_VERSION } from './version';

const running = (record: ContainerRecord) => record.State.Running && (record.State.Pid <= 0 || kernel.processAlive(record.State.Pid));

export function systemDfCommand({ io, cmd, engine }: CommandContext): number {
  const containers = engine.containers.list();
  const images = engine.images.list().map((image) => ({
    layers: image.diffIds, containers: containers.filter((c) => c.Image === `sha256:${image.id}`).length,
  }));
  const layerSize = (diffId: string) => kernel.readJson<{ size: number }>(`${layerDir(diffId)}.json`)?.size ?? 0;
  const rows = diskUsageRows(images, layerSize, containers.map((c) => ({
    running: running(c), sizeRw: kernel.treeSize(`${containerDir(c.Id)}/upper`),
  })), engine.volumes.list().map((v) => ({ size: engine.volumes.size(v.Name), inUse: volumeUsers(v.Name, engine.containers).length > 0 })));
  const result = formatList(flagString(cmd.flags, 'format'), rows, { headers: DF_HEADERS, defaultTable: DF_TABLE, rootType: '*formatter.diskUsageContext' });
  if (!result.ok) {
    io.err(result.error + '\n');
    return result.exitCode;
  }
  io.out(result.output);
  return 0;
}

const read = (path: string) => (kernel.readText(path) ?? '').trim();

/** The engine's ID: random once, kept in the store. */
function engineId(): string {
  const path = `${STORE_ROOT}/engine-id`;
  let id = read(path);
  if (!id) {
    id = idFromBytes(kernel.randomBytes(32)).slice(0, 36);
    kernel.writeText(path, id);
  }
  return id;
}

export function infoCommand({ io, cmd, engine }: CommandContext): number {
  const containers = engine.containers.list();
  const runningCount = containers.filter(running).length;
  const info: InfoData = {
    ID: engineId(),
    Containers: containers.length, ContainersRunning: runningCount, ContainersPaused: 0, ContainersStopped: containers.length - runningCount,
    Images: engine.images.list().length,
    Driver: 'overlay2',
    DockerRootDir: STORE_ROOT,
    CgroupDriver: 'cgroupfs',
    CgroupVersion: kernel.exists('/sys/fs/cgroup/cgroup.controllers') ? '2' : '1',
    KernelVersion: read('/proc/sys/kernel/osrelease'),
    OperatingSystem: prettyName(kernel.readText('/etc/os-release') ?? ''),
    OSType: 'linux',
    Architecture: (kernel.programOutput(['uname', '-m']) ?? 'i686').trim(),
    NCPU: cpuCount(kernel.readText('/proc/cpuinfo') ?? ''),
    MemTotal: memTotal(kernel.readText('/proc/meminfo') ?? ''),
    Name: read('/proc/sys/kernel/hostname'),
    ServerVersion: ENGINE_VERSION,
    Debug: false,
  };
  const format = flagString(cmd.flags, 'format');
  if (format) {
    const result = formatInspect(format, [info]);
    io.out(result.output);
    for (const e of result.errors) io.err(e + '\n');
    return result.exitCode;
  }
  io.out(infoText(info, ENGINE_VERSION));
  return 0;
}
