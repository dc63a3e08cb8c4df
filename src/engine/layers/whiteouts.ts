// Deletions in layers. overlayfs marks a deleted path in the upper dir with a character
// device 0/0 of the same name, and a directory whose lower contents are hidden with the
// xattr trusted.overlay.opaque=y. OCI layer tars (the AUFS convention Docker kept) use empty
// files instead: `.wh.<name>` for a deleted path, `<dir>/.wh..wh..opq` for an opaque dir.
// This file maps tar entries to the operations that unpack them.

export const WHITEOUT_PREFIX = '.wh.';
/** `.wh..wh.`: AUFS metadata (hardlink dirs and the like), never unpacked */
export const WHITEOUT_META_PREFIX = '.wh..wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';
export const OPAQUE_XATTR = 'trusted.overlay.opaque';

/** Splits `/a/b/c` into `/a/b` and `c`; the parent of `/x` is `/`. */
export function splitPath(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  return [slash <= 0 ? '/' : path.slice(0, slash), path.slice(slash + 1)];
}

export const joinPath = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);

/** The tar path that records the deletion of `path`: `/etc/motd` → `etc/.wh.motd`. */
export function whiteoutTarName(path: string): string {
  const [dir, base] = splitPath(path);
  return tarName(joinPath(dir, WHITEOUT_PREFIX + base), false);
}

/** `/etc` → `etc/` (directories end in `/`), `/etc/passwd` → `etc/passwd`. */
export function tarName(path: string, isDir: boolean): string {
  const bare = path.replace(/^\/+/, '');
  return isDir ? `${bare}/` : bare;
}

/**
 * A tar member's name as an absolute path inside the layer, or null when it would land
 * outside (`../x`, `a/../../x`): a layer must not write beyond its root.
 */
export function cleanTarPath(name: string): string | null {
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return '/' + parts.join('/');
}

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  name: string;
  type: TarEntryType;
  mode?: number;
  size?: number;
  /** symlink target, or the member a hardlink points to */
  linkname?: string;
  uid?: number;
  gid?: number;
}

/**
 * What to do for one tar member. `create` replaces whatever is at `path` (but merges a
 * directory into an existing directory) and makes missing parents.
 */
export type UnpackOp =
  | { op: 'create'; path: string; entry: TarEntry }
  /** overlay: record a deletion as a character device 0/0 at `path` */
  | { op: 'whiteout'; path: string; uid?: number; gid?: number }
  /** overlay: hide the lower contents of the directory (setxattr trusted.overlay.opaque=y) */
  | { op: 'opaque'; path: string }
  /** flattening: delete `path` and everything under it */
  | { op: 'remove'; path: string }
  /** flattening: empty the directory, except what this same layer already unpacked there */
  | { op: 'clear-dir'; path: string; keep: string[] };

/**
 * - `overlay`: into a layer directory that overlayfs will stack (how Docker's overlay2 stores
 *   layers), so deletions stay markers;
 * - `apply`: onto a directory that already holds the layers below (one flat rootfs), so
 *   deletions happen.
 */
export type UnpackMode = 'overlay' | 'apply';

export type UnpackPlan = { ok: true; ops: UnpackOp[] } | { ok: false; error: string };

/** Turns a layer tar's members, in order, into unpack operations. */
export function planUnpack(entries: readonly TarEntry[], mode: UnpackMode): UnpackPlan {
  const ops: UnpackOp[] = [];
  const unpacked: string[] = [];
  for (const entry of entries) {
    const path = cleanTarPath(entry.name);
    if (path === null) return { ok: false, error: `${JSON.stringify(entry.name)} is outside of the layer` };
    if (path === '/') continue;
    const [dir, base] = splitPath(path);
    if (base === OPAQUE_MARKER) {
      if (mode === 'overlay') ops.push({ op: 'opaque', path: dir });
      else ops.push({ op: 'clear-dir', path: dir, keep: unpacked.filter((p) => p.startsWith(dir === '/' ? '/' : dir + '/')) });
      continue;
    }
    if (base.startsWith(WHITEOUT_META_PREFIX)) continue;
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const target = joinPath(dir, base.slice(WHITEOUT_PREFIX.length));
      if (mode === 'overlay') ops.push({ op: 'whiteout', path: target, uid: entry.uid, gid: entry.gid });
      else ops.push({ op: 'remove', path: target });
      continue;
    }
    if (entry.type === 'hardlink' && entry.linkname !== undefined && cleanTarPath(entry.linkname) === null) {
      return { ok: false, error: `invalid hardlink ${JSON.stringify(entry.linkname)} in ${JSON.stringify(entry.name)}` };
    }
    ops.push({ op: 'create', path, entry });
    unpacked.push(path);
  }
  return { ok: true, ops };
}
