// What a container changed, read from its overlay upper dir: the lines of `docker diff`
// (moby's archive.OverlayChanges) and the members of the layer tar `docker commit` writes
// (the overlay whiteout converter of moby's archive package). Pure planning: the caller
// lists the directories and writes the tar.
import { joinPath, OPAQUE_MARKER, splitPath, tarName, whiteoutTarName } from './whiteouts';

export type UpperKind = 'file' | 'dir' | 'symlink' | 'whiteout' | 'other';

export interface UpperEntry {
  /** absolute path inside the container: `/etc/passwd` */
  path: string;
  /** `whiteout` is a character device 0/0; other devices, fifos and sockets are `other` */
  kind: UpperKind;
  /** a directory with trusted.overlay.opaque=y */
  opaque?: boolean;
  size?: number;
  mode?: number;
  /** seconds since the epoch */
  mtime?: number;
  /** symlink target */
  target?: string;
}

/** A path of the image (the merged lower layers) with what the diff compares. */
export interface LowerEntry {
  path: string;
  kind: Exclude<UpperKind, 'whiteout'>;
  size?: number;
  mode?: number;
  mtime?: number;
}

export type ChangeKind = 'A' | 'C' | 'D';
export interface Change { kind: ChangeKind; path: string }

/** Orders paths as a depth-first walk with sorted names: `/a`, `/a/b`, `/a-c` (not `/a-c` first). */
export function walkOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** The listing in walk order, with any missing ancestor directories filled in. */
function walk(upper: readonly UpperEntry[]): UpperEntry[] {
  const byPath = new Map<string, UpperEntry>();
  for (const entry of upper) if (entry.path !== '/') byPath.set(entry.path, entry);
  for (const path of [...byPath.keys()]) {
    for (let [dir] = splitPath(path); dir !== '/'; [dir] = splitPath(dir)) {
      if (!byPath.has(dir)) byPath.set(dir, { path: dir, kind: 'dir' });
    }
  }
  return [...byPath.values()].sort((x, y) => walkOrder(x.path, y.path));
}

/** Docker's test for "this directory is only here because something below it changed". */
function sameDir(upper: UpperEntry, lower: LowerEntry): boolean {
  return upper.kind === 'dir' && lower.kind === 'dir' &&
    upper.size !== undefined && upper.size === lower.size &&
    upper.mode !== undefined && upper.mode === lower.mode &&
    upper.mtime !== undefined && upper.mtime === lower.mtime;
}

/**
 * `docker diff`: A for added, C for changed, D for deleted, in walk order. A path that was
 * also in the image is C; a directory counts as unchanged only when size, mode and mtime are
 * known and equal, and the parent of an A or D is then still reported as C. Like Docker, an
 * opaque directory (deleted and made again) is reported as D, its new contents as A.
 */
export function dockerDiff(upper: readonly UpperEntry[], lower: Iterable<LowerEntry>): Change[] {
  const image = new Map<string, LowerEntry>();
  for (const entry of lower) image.set(entry.path, entry);
  const changes: Change[] = [];
  const changedDirs = new Set<string>();
  for (const entry of walk(upper)) {
    let kind: ChangeKind;
    if (entry.kind === 'whiteout' || (entry.kind === 'dir' && entry.opaque)) kind = 'D';
    else {
      const before = image.get(entry.path);
      if (before && sameDir(entry, before)) continue;
      kind = before ? 'C' : 'A';
    }
    if (entry.kind === 'dir') changedDirs.add(entry.path);
    if (kind !== 'C') {
      const [parent] = splitPath(entry.path);
      if (parent !== '/' && !changedDirs.has(parent)) {
        changes.push({ kind: 'C', path: parent });
        changedDirs.add(parent);
      }
    }
    changes.push({ kind, path: entry.path });
  }
  return changes;
}

/** `C /etc` lines, as `docker diff` prints them. */
export const formatChanges = (changes: readonly Change[]): string[] => changes.map((c) => `${c.kind} ${c.path}`);

export interface LayerMember {
  /** tar member name: `etc/`, `etc/passwd`, `etc/.wh.motd` */
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'other';
  mode: number;
  size: number;
  linkname?: string;
  /** where to read the data (or, for `other`, the device) in the upper dir; none for markers */
  source?: string;
}

/**
 * The members of the layer tar for an upper dir, in walk order: files, directories and
 * symlinks as they are; a whiteout becomes an empty `.wh.<name>` (mode 0600); an opaque
 * directory is followed by an empty `.wh..wh..opq` with the directory's permissions.
 */
export function planLayerTar(upper: readonly UpperEntry[]): LayerMember[] {
  const members: LayerMember[] = [];
  for (const entry of walk(upper)) {
    const mode = entry.mode ?? (entry.kind === 'dir' ? 0o755 : 0o644);
    switch (entry.kind) {
      case 'whiteout':
        members.push({ name: whiteoutTarName(entry.path), type: 'file', mode: 0o600, size: 0 });
        break;
      case 'dir':
        members.push({ name: tarName(entry.path, true), type: 'dir', mode, size: 0, source: entry.path });
        if (entry.opaque) {
          members.push({ name: tarName(joinPath(entry.path, OPAQUE_MARKER), false), type: 'file', mode: mode & 0o777, size: 0 });
        }
        break;
      case 'symlink':
        members.push({ name: tarName(entry.path, false), type: 'symlink', mode, size: 0, linkname: entry.target ?? '', source: entry.path });
        break;
      default:
        members.push({
          name: tarName(entry.path, false), type: entry.kind, mode,
          size: entry.kind === 'file' ? entry.size ?? 0 : 0, source: entry.path,
        });
    }
  }
  return members;
}

/**
 * Mount points the engine made in the upper dir for its bind mounts (`/etc/hosts`…) when the
 * image lacked them. Docker makes these in a separate init layer below the container's, so
 * `docker diff` never shows them; the same paths, as moby's initlayer and setupMounts create.
 */
export const INIT_PATHS = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/etc/mtab', '/.dockerenv', '/dev/console', '/dev/pts', '/dev/shm', '/proc', '/sys', '/dev'];

/**
 * The upper listing without what Docker's init layer would hold: empty files and directories
 * at INIT_PATHS that the image does not have, and directories left with nothing under them
 * that the image has (copied up only to hold those mount points).
 */
export function hideInitLayer(upper: readonly UpperEntry[], inImage: (path: string) => boolean): UpperEntry[] {
  const dropped = new Set<string>();
  for (const entry of upper) {
    if (!INIT_PATHS.includes(entry.path) || inImage(entry.path)) continue;
    if ((entry.kind === 'file' && !entry.size) || entry.kind === 'dir') dropped.add(entry.path);
  }
  if (dropped.size === 0) return [...upper];
  const kept = upper.filter((e) => !dropped.has(e.path) && ![...dropped].some((d) => e.path.startsWith(d + '/')));
  // a directory of the image copied up only for the dropped mount points
  const parents = new Set<string>();
  for (const d of dropped) for (let [dir] = splitPath(d); dir !== '/'; [dir] = splitPath(dir)) parents.add(dir);
  return kept.filter((e) => !(parents.has(e.path) && e.kind === 'dir' && !e.opaque && inImage(e.path)
    && !kept.some((o) => o.path.startsWith(e.path + '/'))));
}
