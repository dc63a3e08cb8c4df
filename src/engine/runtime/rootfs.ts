// A container's root file system: the image's read-only layers under a writable upper dir,
// joined by overlayfs — copy-up and whiteouts happen in <container>/upper.
import * as kernel from '../kernel';
import { containerDir } from '../store/container-store';
import { layerDir, STORE_ROOT, type StoredImage } from '../store/image-store';
import { baseHosts } from '../network/hosts';

export const rootfsPath = (id: string) => `${containerDir(id)}/merged`;

export function mountRootfs(id: string, image: StoredImage): void {
  mountLayers(containerDir(id), image.diffIds);
}

/** <dir>/merged = the layers (bottom first, as diff_ids are listed) under a writable <dir>/upper. */
export function mountLayers(dir: string, diffIds: readonly string[]): void {
  kernel.mkdirs(`${dir}/upper`);
  kernel.mkdirs(`${dir}/work`);
  kernel.mkdirs(`${dir}/merged`);
  // overlayfs wants the top-most lower layer first; an image with no layer (FROM scratch) gets an empty one
  const lowers = diffIds.length > 0 ? [...diffIds].reverse().map(layerDir) : [emptyLayer()];
  kernel.mountOverlay(lowers, `${dir}/upper`, `${dir}/work`, `${dir}/merged`);
}

function emptyLayer(): string {
  const dir = `${STORE_ROOT}/empty-layer`;
  kernel.mkdirs(dir);
  return dir;
}

export function unmountRootfs(id: string): void {
  if (kernel.exists(`${rootfsPath(id)}/bin`) || kernel.listDir(rootfsPath(id)).length > 0) kernel.unmount(rootfsPath(id));
}

/** What /etc/hosts and /etc/resolv.conf hold (networks.ts's etcFiles for a container). */
export interface EtcFiles { hosts: string; resolv: string }

/** /etc/hostname, /etc/hosts and /etc/resolv.conf, bind-mounted into the container as Docker does. */
export function writeEtcFiles(id: string, hostname: string, files: EtcFiles): { source: string; target: string; readonly: boolean }[] {
  return writeEtcFilesIn(containerDir(id), hostname, files);
}

/** Written once each: the files are small, but every write is several syscalls in an emulator. */
export function writeEtcFilesIn(dir: string, hostname: string, files: EtcFiles = { hosts: baseHosts([]), resolv: '' }): { source: string; target: string; readonly: boolean }[] {
  kernel.writeText(`${dir}/hostname`, `${hostname}\n`);
  kernel.writeText(`${dir}/hosts`, files.hosts);
  kernel.writeText(`${dir}/resolv.conf`, files.resolv);
  return ['hostname', 'hosts', 'resolv.conf'].map((name) => ({ source: `${dir}/${name}`, target: `/etc/${name}`, readonly: false }));
}
