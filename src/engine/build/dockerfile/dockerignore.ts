// .dockerignore, with Docker's semantics (moby/patternmatcher): one pattern a line, `#`
// comments, `!` for exceptions, paths cleaned (leading `/` and `./` dropped), `*` and `?`
// within one path component, `**` across any number of them, and the last matching line
// wins. A pattern that matches a directory also matches everything inside it.
import { fail, ok, type Checked } from './errors';

export interface IgnorePattern {
  /** the cleaned pattern, without its `!` */
  pattern: string;
  /** `!pattern`: brings back what an earlier line excluded */
  exception: boolean;
  regex: RegExp;
}

export interface DockerignoreMatcher {
  patterns: IgnorePattern[];
  /** true when the context path (relative, `/`-separated) is left out of the build context */
  isIgnored(path: string): boolean;
  /** an ignored directory must still be walked when a later `!` line may bring back files in it */
  hasExceptions: boolean;
}

/** Reads .dockerignore; an unusable pattern (an unclosed `[`) is an error naming its line. */
export function parseDockerignore(text: string): Checked<DockerignoreMatcher> {
  const patterns: IgnorePattern[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('#')) continue;
    let pattern = lines[i].trim();
    if (pattern === '') continue;
    const exception = pattern.startsWith('!');
    if (exception) pattern = pattern.slice(1).trim();
    pattern = cleanPath(pattern);
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    const regex = compile(pattern);
    if (regex === undefined) return fail(`.dockerignore:${i + 1}: syntax error in pattern: ${pattern}`);
    patterns.push({ pattern, exception, regex });
  }
  return ok({
    patterns,
    isIgnored: (path) => isIgnored(patterns, path),
    hasExceptions: patterns.some((p) => p.exception),
  });
}

/** Docker's MatchesOrParentMatches: the last pattern matching the path or a parent decides. */
export function isIgnored(patterns: IgnorePattern[], path: string): boolean {
  const file = cleanPath(path).replace(/^\//, '');
  const parents = file.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const p of patterns) {
    if (parents.some((candidate) => p.regex.test(candidate))) ignored = !p.exception;
  }
  return ignored;
}

/** Go's filepath.Clean for `/` paths: `./a//b/../c/` → `a/c`, `` → `.`. */
export function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !rooted) parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** The pattern as an anchored regular expression, or undefined when it cannot be one. */
function compile(pattern: string): RegExp | undefined {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++; // `**/` is `**`
        // `**` at the end takes everything; elsewhere any number of whole directories.
        re += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      i++;
      if (i < pattern.length) re += escapeRegex(pattern[i]);
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return undefined;
      re += pattern.slice(i, end + 1); // a class goes through as written (`[^a]` negates), like Docker
      i = end;
    } else re += escapeRegex(ch);
  }
  try {
    return new RegExp(re + '$');
  } catch {
    return undefined;
  }
}

const escapeRegex = (ch: string) => (/[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch);
