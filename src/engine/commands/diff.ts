// `docker diff CONTAINER`: what the container changed, read from its real overlay upper dir
// (whiteouts are character devices 0/0, a remade directory carries trusted.overlay.opaque=y)
// and compared with the image's layers, in Docker's order and words (A, C, D).
import * as kernel from '../kernel';
import { dockerDiff, formatChanges, hideInitLayer, type LowerEntry, type UpperEntry } from '../layers/diff';
import { containerDir } from '../store/container-store';
import { layerDir, type StoredImage } from '../store/image-store';
import type { CommandContext } from './context';

/** Every path of an upper dir, parents first. */
export function listUpper(upper: string): UpperEntry[] {
  const entries: UpperEntry[] = [];
  const walk = (rel: string) => {
    for (const name of kernel.listDir(upper + rel)) {
      const path = `${rel}/${name}`;
      const st = kernel.lstat(upper + path);
      if (!st) continue;
      if (st.isDir) {
        entries.push({ path, kind: 'dir', opaque: kernel.isOpaque(upper + path), size: st.size, mode: st.mode, mtime: st.mtime });
        walk(path);
      } else {
        const kind = st.isCharDevice && st.rdev === 0 ? 'whiteout' : st.isFile ? 'file' : st.isSymlink ? 'symlink' : 'other';
        entries.push({ path, kind, size: st.size, mode: st.mode, mtime: st.mtime });
      }
    }
  };
  walk('');
  return entries;
}

/**
 * Paths in an upper dir that are the engine's own mount points (`/etc/hosts`, `/proc`…, Docker's
 * init layer), not changes: left out of a layer made from it (docker commit, docker build).
 */
export function initLayerPaths(upper: string, diffIds: readonly string[]): string[] {
  const lowers = [...diffIds].reverse().map(layerDir);
  const inImage = (path: string) => lowers.some((l) => kernel.exists(l + path));
  const all = listUpper(upper);
  const kept = new Set(hideInitLayer(all, inImage).map((e) => e.path));
  return all.filter((e) => !kept.has(e.path)).map((e) => e.path);
}

/**
 * The image's entry at `path`, looked up through its layers top-most first: a whiteout in a
 * higher layer hides it, and an opaque parent directory hides the layers below.
 */
function lowerEntry(layers: readonly string[], path: string): LowerEntry | null {
  const parent = path.slice(0, path.lastIndexOf('/'));
  for (const layer of layers) {
    const st = kernel.lstat(layer + path);
    if (st) {
      if (st.isCharDevice && st.rdev === 0) return null;
      const kind = st.isDir ? 'dir' : st.isFile ? 'file' : st.isSymlink ? 'symlink' : 'other';
      return { path, kind, size: st.size, mode: st.mode, mtime: st.mtime };
    }
    if (parent && kernel.isOpaque(layer + parent)) return null;
  }
  return null;
}

/** The changes of a container's upper dir against its image (the image's layers, bottom first). */
export function containerChanges(id: string, image: StoredImage | undefined): string[] {
  const layers = image ? [...image.diffIds].reverse().map(layerDir) : [];
  const cache = new Map<string, LowerEntry | null>();
  const lookup = (path: string) => {
    if (!cache.has(path)) cache.set(path, lowerEntry(layers, path));
    return cache.get(path)!;
  };
  const upper = hideInitLayer(listUpper(`${containerDir(id)}/upper`), (path) => lookup(path) !== null);
  const lower = upper.map((e) => lookup(e.path)).filter((e): e is LowerEntry => e !== null);
  // ancestors the listing fills in are compared too
  for (const e of upper) {
    for (let dir = e.path.slice(0, e.path.lastIndexOf('/')); dir; dir = dir.slice(0, dir.lastIndexOf('/'))) {
      const found = lookup(dir);
      if (found) lower.push(found);
    }
  }
  return formatChanges(dockerDiff(upper, lower));
}

export function diffCommand({ io, cmd, engine }: CommandContext): number {
  const found = engine.containers.find(cmd.args[0]);
  if (!found.ok) {
    io.err(`Error response from daemon: ${found.error}\n`);
    return 1;
  }
  const image = engine.images.list().find((i) => `sha256:${i.id}` === found.record.Image);
  const lines = containerChanges(found.record.Id, image);
  io.out(lines.map((l) => l + '\n').join(''));
  return 0;
}
