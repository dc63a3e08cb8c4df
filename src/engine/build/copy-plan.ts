// What COPY and ADD copy where, as Docker decides it (pure: the file systems are behind
// SourceTree and destIsDir). Sources are relative to the build context (or to another
// stage's root for --from), wildcards match one path component at a time (Go's
// filepath.Match), a directory's contents are copied rather than the directory itself, and
// a file lands at dest itself unless dest is a directory (ends in `/`, exists as one, or
// several sources are copied).

export type EntryKind = 'file' | 'dir' | 'symlink';

export interface SourceTree {
  /** the kind of the entry at a relative path ('' is the root), or null when absent or ignored */
  kind(rel: string): EntryKind | null;
  /** the names in a directory (ignored ones left out) */
  list(rel: string): string[];
}

export interface CopyOp {
  kind: EntryKind;
  /** relative to the source tree's root ('' for the root itself) */
  from: string;
  /** absolute path in the image */
  to: string;
}

export type CopyPlan = { ok: true; ops: CopyOp[] } | { ok: false; error: string };

/** `./a/../b/` → `b`; a path can never climb above the source root (Docker clamps it the same way). */
export function cleanSource(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

const hasWildcard = (s: string) => /[*?[]/.test(s);

/** `../secret` climbs out of the source root (the classic builder's "forbidden path"). */
export function escapesRoot(path: string): boolean {
  let depth = 0;
  for (const part of path.split('/')) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** Go's filepath.Match for one path component: `*`, `?`, `[a-z]`, `[^a]`, `\` escapes. */
export function matchComponent(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) re += escapeRegex(pattern[++i]);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return false;
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('^')) body = '^' + body.slice(1).replace(/[\\\]]/g, '\\$&');
      else body = body.replace(/[\\\]^]/g, '\\$&');
      re += `[${body}]`;
      i = end;
    } else re += escapeRegex(c);
  }
  return new RegExp(re + '$').test(name);
}

const escapeRegex = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The relative paths a source names: itself, or what its wildcards match (sorted, like Go's Glob). */
export function expandSource(tree: SourceTree, source: string): string[] {
  const clean = cleanSource(source);
  if (!hasWildcard(clean)) return tree.kind(clean) ? [clean] : [];
  let found = [''];
  for (const part of clean.split('/')) {
    const next: string[] = [];
    for (const dir of found) {
      if (!hasWildcard(part)) {
        const path = dir ? `${dir}/${part}` : part;
        if (tree.kind(path)) next.push(path);
        continue;
      }
      if (tree.kind(dir) !== 'dir') continue;
      for (const name of [...tree.list(dir)].sort()) if (matchComponent(part, name)) next.push(dir ? `${dir}/${name}` : name);
    }
    found = next;
  }
  return found;
}

const join = (dir: string, name: string) => (dir.endsWith('/') ? dir + name : `${dir}/${name}`);
const baseName = (rel: string) => rel.slice(rel.lastIndexOf('/') + 1);

/** A directory's contents, depth first, parents before children. */
function walk(tree: SourceTree, from: string, to: string, ops: CopyOp[]): void {
  for (const name of [...tree.list(from)].sort()) {
    const rel = from ? `${from}/${name}` : name;
    const kind = tree.kind(rel);
    if (!kind) continue;
    ops.push({ kind, from: rel, to: join(to, name) });
    if (kind === 'dir') walk(tree, rel, join(to, name), ops);
  }
}

/**
 * The copy operations for `COPY sources... dest` (dest absolute). destIsDir tells whether a
 * path already is a directory in the image being built.
 */
export function planCopy(tree: SourceTree, sources: readonly string[], dest: string, destIsDir: (path: string) => boolean): CopyPlan {
  const matched: string[] = [];
  for (const source of sources) {
    if (escapesRoot(source)) return { ok: false, error: `forbidden path outside the build context: ${source}` };
    const found = expandSource(tree, source);
    if (found.length === 0) {
      return { ok: false, error: hasWildcard(source) ? `no source files were specified (nothing matches ${source})` : `"/${cleanSource(source)}": not found (not in the build context, or excluded by .dockerignore)` };
    }
    matched.push(...found);
  }
  const intoDir = dest.endsWith('/') || matched.length > 1 || destIsDir(dest);
  if (matched.length > 1 && !dest.endsWith('/')) {
    return { ok: false, error: 'When using COPY with more than one source file, the destination must be a directory and end with a /' };
  }
  const ops: CopyOp[] = [];
  const destDir = dest.length > 1 && dest.endsWith('/') ? dest.slice(0, -1) : dest;
  for (const rel of matched) {
    if (tree.kind(rel) === 'dir') {
      ops.push({ kind: 'dir', from: rel, to: destDir });
      walk(tree, rel, destDir, ops);
    } else {
      ops.push({ kind: tree.kind(rel)!, from: rel, to: intoDir ? join(destDir, baseName(rel)) : destDir });
    }
  }
  return { ok: true, ops };
}
