// A container's writable layer for the web app (engine.state): a bounded listing of its
// overlay upper dir, each path with its kind and whether the image's layers have it too
// (then the entry is a copy-up, or for a whiteout what it hides). The layers picture marks
// what changed between snapshots. Read with lstat/readdir only: a snapshot must stay cheap,
// so the walk stops after UPPER_DIR_CAP entries (plus the few the init layer holds).
import * as kernel from '../kernel';
import { hideInitLayer, INIT_PATHS, type UpperEntry } from '../layers/diff';
import { splitPath } from '../layers/whiteouts';
import type { UpperDirEntry, UpperDirListing } from '../../protocol/engine';

export const UPPER_DIR_CAP = 200;

/** The calls the walk makes (kernel.ts in the guest; a fake tree in the unit test). */
export interface UpperFs {
  listDir(path: string): string[];
  lstat(path: string): kernel.Stat | null;
  isOpaque(dir: string): boolean;
}

const isWhiteout = (st: kernel.Stat) => st.isCharDevice && st.rdev === 0;

/** Depth-first, parents first, at most `limit` entries; `more` tells whether it stopped early. */
function walk(upper: string, fs: UpperFs, limit: number): { entries: UpperEntry[]; more: boolean } {
  const entries: UpperEntry[] = [];
  let more = false;
  const visit = (rel: string) => {
    for (const name of fs.listDir(upper + rel).sort()) {
      if (entries.length >= limit) return void (more = true);
      const path = `${rel}/${name}`;
      const st = fs.lstat(upper + path);
      if (!st) continue;
      if (st.isDir) {
        entries.push({ path, kind: 'dir', opaque: fs.isOpaque(upper + path), size: st.size });
        visit(path);
      } else {
        entries.push({ path, kind: isWhiteout(st) ? 'whiteout' : st.isFile ? 'file' : st.isSymlink ? 'symlink' : 'other', size: st.size });
      }
    }
  };
  visit('');
  return { entries, more };
}

/**
 * Whether the image has `path`: looked up through its layers top-most first, where a whiteout
 * hides it and an opaque parent directory hides the layers below (overlayfs's own rule).
 */
function inLayers(lowers: readonly string[], path: string, fs: UpperFs): boolean {
  const [parent] = splitPath(path);
  for (const layer of lowers) {
    const st = fs.lstat(layer + path);
    if (st) return !isWhiteout(st);
    if (parent !== '/' && fs.isOpaque(layer + parent)) return false;
  }
  return false;
}

/** The upper dir of a container whose image layers are `lowers` (top-most first, as mounted). */
export function upperDirListing(upper: string, lowers: readonly string[], fs: UpperFs = kernel, cap = UPPER_DIR_CAP): UpperDirListing {
  const cache = new Map<string, boolean>();
  const inImage = (path: string) => {
    if (!cache.has(path)) cache.set(path, inLayers(lowers, path, fs));
    return cache.get(path)!;
  };
  // the engine's own mount points (Docker's init layer) are not the container's changes
  const { entries, more } = walk(upper, fs, cap + INIT_PATHS.length + 8);
  const kept = hideInitLayer(entries, inImage);
  const listed: UpperDirEntry[] = kept.slice(0, cap).map((e) => ({
    path: e.path,
    // symlinks, devices and fifos are files here: the picture tells only new, copied up or deleted
    kind: e.kind === 'whiteout' ? 'whiteout' : e.kind === 'dir' ? (e.opaque ? 'opaque' : 'dir') : 'file',
    lower: inImage(e.path),
  }));
  return { entries: listed, truncated: more || kept.length > cap };
}
