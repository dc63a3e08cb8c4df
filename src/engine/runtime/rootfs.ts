// A container's root file system: the image's read-only layers under a writable upper dir,
// joined by overlayfs — copy-up and whiteouts happen in <container>/upper.
import * as kernel from '../kernel';
import { containerDir } from '../store/container-store';
import { layerDir, STORE_ROOT, type StoredImage } from '../store/image-store';

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

/** /etc/hostname, /etc/hosts and /etc/resolv.conf, bind-mounted into the container as Docker does. */
export function writeEtcFiles(id: string, hostname: string, extraHosts: readonly string[] = []): { source: string; target: string; readonly: boolean }[] {
  return writeEtcFilesIn(containerDir(id), hostname, extraHosts);
}

/** extraHosts: --add-host's `name:ip` entries, added to /etc/hosts as Docker does. */
export function writeEtcFilesIn(dir: string, hostname: string, extraHosts: readonly string[] = []): { source: string; target: string; readonly: boolean }[] {
  kernel.writeText(`${dir}/hostname`, `${hostname}\n`);
  const extra = extraHosts.map((entry) => {
    const sep = entry.search(/[:=]/);
    return `${entry.slice(sep + 1)}\t${entry.slice(0, sep)}\n`;
  });
  kernel.writeText(`${dir}/hosts`, `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${extra.join('')}`);
  kernel.writeText(`${dir}/resolv.conf`, '');
  return ['hostname', 'hosts', 'resolv.conf'].map((name) => ({ source: `${dir}/${name}`, target: `/etc/${name}`, readonly: false }));
}
