// The file trees COPY and ADD read from, as copy-plan.ts's SourceTree: the build context
// (with .dockerignore applied) and the root file system of an earlier stage or an image.
import * as kernel from '../kernel';
import type { DockerignoreMatcher } from './dockerfile';
import type { EntryKind, SourceTree } from './copy-plan';

const kindOf = (path: string): EntryKind | null => {
  const st = kernel.lstat(path);
  if (!st) return null;
  return st.isDir ? 'dir' : st.isSymlink ? 'symlink' : st.isFile ? 'file' : null;
};

/** A directory on disk; `ignore` (the build context's .dockerignore) hides paths from COPY. */
export function directoryTree(root: string, ignore?: DockerignoreMatcher): SourceTree {
  const hidden = (rel: string, kind: EntryKind) =>
    rel !== '' && ignore !== undefined && ignore.isIgnored(rel) && !(kind === 'dir' && ignore.hasExceptions);
  return {
    kind(rel) {
      const kind = kindOf(rel ? `${root}/${rel}` : root);
      return kind && !hidden(rel, kind) ? kind : null;
    },
    list(rel) {
      return kernel.listDir(rel ? `${root}/${rel}` : root).filter((name) => this.kind(rel ? `${rel}/${name}` : name) !== null);
    },
  };
}
