// One filesystem-changing build step, done for real: the layers so far under a fresh upper
// dir (overlayfs, like a container's rootfs), the step's change made in it — a RUN in a real
// container, COPY/ADD's files, WORKDIR's directory — and the upper dir made into a layer
// (OCI whiteouts for deletions, as docker commit does).
import { initLayerPaths } from '../commands/diff';
import * as kernel from '../kernel';
import type { Descriptor } from '../oci/types';
import { createCgroup, removeCgroup } from '../runtime/cgroups';
import { mountLayers, writeEtcFilesIn } from '../runtime/rootfs';
import { renderSpec, resolveUser } from '../runtime/spec';
import { layerDir, type ImageStore } from '../store/image-store';
import { idFromBytes, shortId } from '../store/ids';
import type { CopyOp } from './copy-plan';

export interface NewLayer { diffId: string; descriptor: Descriptor; size: number }

export class StepRootfs {
  readonly merged: string;
  private mounted = false;

  /** `dir` must not exist yet; diffIds are the layers so far, bottom first. */
  constructor(readonly dir: string, readonly diffIds: readonly string[]) {
    this.merged = `${dir}/merged`;
  }

  mount(): void {
    mountLayers(this.dir, this.diffIds);
    this.mounted = true;
  }

  /** Whether `path` is a directory in the rootfs: through the mount, or (not mounted) through the layers, top-most first. */
  isDirectory(path: string): boolean {
    if (this.mounted) return kernel.isDirectory(this.merged + path);
    for (const diffId of [...this.diffIds].reverse()) {
      const st = kernel.lstat(layerDir(diffId) + path);
      if (st) return st.isDir && !(st.isCharDevice && st.rdev === 0);
    }
    return false;
  }

  /** The user's ids, looked up in the image's own /etc/passwd and /etc/group (as Docker). */
  user(user: string): { uid: number; gid: number } | { error: string } {
    const named = /[^\d:]/.test(user);
    return resolveUser(user, named ? kernel.readText(`${this.merged}/etc/passwd`) ?? '' : '', named ? kernel.readText(`${this.merged}/etc/group`) ?? '' : '');
  }

  /**
   * RUN: the command in a real container on this rootfs (namespaces, cgroup, capabilities as
   * for docker run), launched by `launch` (the client, so its output streams to the terminal).
   * Returns its exit status; 126 when the user does not exist.
   */
  async run(
    run: { argv: string[]; env: string[]; workdir: string; user: string },
    launch: (specPath: string) => Promise<number>, output?: string,
  ): Promise<{ status: number; containerId: string; error?: string }> {
    const containerId = idFromBytes(kernel.randomBytes(32));
    const user = this.user(run.user);
    if ('error' in user) return { status: 126, containerId, error: user.error };
    const hostname = shortId(containerId);
    const binds = writeEtcFilesIn(this.dir, hostname);
    const cgroup = createCgroup(containerId, { memory: 0, pidsLimit: 0, nanoCpus: 0 });
    try {
      const spec = renderSpec({
        rootfs: this.merged, hostname, cwd: run.workdir || '/', env: run.env, args: run.argv, uid: user.uid, gid: user.gid,
        cgroup, privileged: false, readonly: false, capAdd: [], capDrop: [], binds, stdinNull: true, output,
      });
      kernel.writeText(`${this.dir}/spec`, spec);
      return { status: await launch(`${this.dir}/spec`), containerId };
    } finally {
      removeCgroup(containerId);
    }
  }

  /** COPY/ADD: the planned copies from `root`; owner and mode as --chown and --chmod say. */
  copy(ops: readonly CopyOp[], root: string, options: { owner?: { uid: number; gid: number }; chmod?: number; unpack: boolean }): void {
    for (const op of ops) {
      const target = this.merged + op.to;
      const source = op.from ? `${root}/${op.from}` : root;
      kernel.mkdirs(target.slice(0, target.lastIndexOf('/')) || '/');
      if (op.kind === 'dir') kernel.mkdirs(target);
      else if (op.kind === 'symlink') {
        kernel.removeTree(target);
        kernel.symlink(kernel.readLink(source) ?? '', target);
      } else if (!(options.unpack && unpackArchive(source, target.slice(0, target.lastIndexOf('/')) || '/'))) {
        if (kernel.isDirectory(target)) kernel.removeTree(target);
        kernel.copyFile(source, target);
      }
      if (options.owner) kernel.chown(target, options.owner.uid, options.owner.gid);
      if (options.chmod !== undefined && op.kind !== 'symlink') kernel.chmod(target, options.chmod);
    }
  }

  /** The upper dir as a new layer, without the engine's own mount points. */
  commit(images: ImageStore): NewLayer | null {
    const upper = `${this.dir}/upper`;
    const drop = initLayerPaths(upper, this.diffIds);
    if (kernel.listDir(upper).every((name) => drop.includes(`/${name}`))) return null;
    return images.commitLayer(upper, drop);
  }

  /** Unmounts and deletes everything of the step (the layer, once committed, lives in the store). */
  dispose(): void {
    if (this.mounted) kernel.unmount(this.merged);
    this.mounted = false;
    kernel.removeTree(this.dir);
  }
}

/**
 * ADD of a local archive (tar, or tar compressed with gzip, bzip2 or xz) unpacks it into the
 * destination directory, as Docker does; anything else is copied. Returns true if unpacked.
 */
function unpackArchive(source: string, destDir: string): boolean {
  const kind = kernel.archiveKind(source);
  if (!kind) return false;
  kernel.mkdirs(destDir);
  // a compressed file that holds no tar is copied as it is, like Docker does
  return kernel.extractArchive(source, kind, destDir);
}
