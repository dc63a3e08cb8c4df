// The engine's one door to the kernel and the file system. Everything else in src/engine is
// plain logic; what touches the machine goes through here (QuickJS's os/std modules and
// our native dockhand:kernel), so it is easy to see what the engine really does — and the
// x-ray trace of kernel operations is recorded in one place.
import * as os from 'os';
import * as std from 'std';
import * as native from 'dockhand:kernel';

export class KernelError extends Error {
  constructor(readonly operation: string, readonly errno: number) {
    super(`${operation}: ${native.strerror(errno)}`);
    this.name = 'KernelError';
  }
}

/** One kernel-level step, for the x-ray trace the web app draws. */
export interface TraceEntry { op: string; detail: string; ms: number }
const trace: TraceEntry[] = [];

/** Runs a step, records it with its duration, and turns a negative errno into a KernelError. */
function step(op: string, detail: string, call: () => number): number {
  const started = os.now();
  const r = call();
  trace.push({ op, detail, ms: Math.round((os.now() - started) * 1000) / 1000 });
  if (trace.length > 500) trace.shift();
  if (r < 0) throw new KernelError(`${op} ${detail}`, -r);
  return r;
}

/** The steps recorded since the last call (and forgets them). */
export function takeTrace(): TraceEntry[] {
  return trace.splice(0, trace.length);
}

// ---- files ----

export function exists(path: string): boolean {
  const [, err] = os.lstat(path);
  return err === 0;
}

export function isDirectory(path: string): boolean {
  const [st, err] = os.stat(path);
  return err === 0 && (st.mode & os.S_IFMT) === os.S_IFDIR;
}

export function mkdirs(path: string, mode = 0o755): void {
  let current = '';
  for (const part of path.split('/').filter(Boolean)) {
    current += '/' + part;
    const r = os.mkdir(current, mode);
    if (r < 0 && -r !== native.EEXIST) throw new KernelError(`mkdir ${current}`, -r);
  }
}

export function readText(path: string): string | null {
  const file = std.open(path, 'r');
  if (!file) return null;
  try {
    return file.readAsString();
  } finally {
    file.close();
  }
}

export function writeText(path: string, text: string): void {
  const file = std.open(path, 'w');
  if (!file) throw new Error(`cannot write ${path}`);
  try {
    file.puts(text);
  } finally {
    file.close();
  }
}

/** A write to a kernel control file (cgroup limits, /proc/sys): recorded in the x-ray trace. */
export function writeControl(path: string, value: string): void {
  const started = os.now();
  writeText(path, value);
  trace.push({ op: 'write', detail: `${value.trim()} > ${path}`, ms: Math.round((os.now() - started) * 1000) / 1000 });
}

export function readJson<T>(path: string): T | null {
  const text = readText(path);
  return text === null ? null : (JSON.parse(text) as T);
}

export function listDir(path: string): string[] {
  const [names, err] = os.readdir(path);
  if (err !== 0) return [];
  return names.filter((n) => n !== '.' && n !== '..');
}

export interface Stat { mode: number; size: number; isDir: boolean; isSymlink: boolean; rdev: number }

export function lstat(path: string): Stat | null {
  const [st, err] = os.lstat(path);
  if (err !== 0) return null;
  const type = st.mode & os.S_IFMT;
  return { mode: st.mode, size: st.size, isDir: type === os.S_IFDIR, isSymlink: type === os.S_IFLNK, rdev: st.rdev };
}

export function remove(path: string): void {
  os.remove(path);
}

/** rm -rf in-process: a busybox rm would cost a process start (~40 ms) per container. */
export function removeTree(path: string): void {
  const st = lstat(path);
  if (!st) return;
  if (st.isDir) for (const name of listDir(path)) removeTree(`${path}/${name}`);
  os.remove(path);
}

/** rmdir (os.remove is remove(3), which also removes empty directories). */
export function removeDir(path: string): void {
  os.remove(path);
}

// ---- processes ----

/** Runs a program to completion (no shell); returns its exit status. */
export function runProgram(argv: string[], options: { cwd?: string; quiet?: boolean } = {}): number {
  const devnull = options.quiet ? os.open('/dev/null', os.O_WRONLY) : -1;
  const started = os.now();
  const status = os.exec(argv, {
    block: true, usePath: true, cwd: options.cwd,
    ...(devnull >= 0 ? { stdout: devnull, stderr: devnull } : {}),
  });
  if (devnull >= 0) os.close(devnull);
  trace.push({ op: 'exec', detail: argv.join(' '), ms: Math.round((os.now() - started) * 1000) / 1000 });
  return status;
}

/** Random bytes from the kernel (IDs, names). */
export function randomBytes(count: number): Uint8Array {
  const fd = os.open('/dev/urandom', os.O_RDONLY);
  const buffer = new ArrayBuffer(count);
  os.read(fd, buffer, 0, count);
  os.close(fd);
  return new Uint8Array(buffer);
}

// ---- mounts, devices, attributes ----

export function mountOverlay(lowerDirs: string[], upper: string, work: string, target: string): void {
  // overlayfs lists lowerdir top-most first
  const data = `lowerdir=${lowerDirs.join(':')},upperdir=${upper},workdir=${work}`;
  step('mount', `overlay on ${target} (${lowerDirs.length} read-only layers)`, () => native.mount('overlay', target, 'overlay', 0, data));
}

export function unmount(target: string): void {
  step('umount', target, () => native.umount(target, native.MNT_DETACH));
}

/** overlayfs's mark for a deleted path: a character device 0/0. */
export function makeWhiteout(path: string): void {
  step('mknod', `whiteout ${path}`, () => native.mknod(path, native.S_IFCHR, 0, 0));
}

export function setOpaque(dir: string): void {
  step('setxattr', `trusted.overlay.opaque=y ${dir}`, () => native.lsetxattr(dir, 'trusted.overlay.opaque', 'y'));
}

export function isOpaque(dir: string): boolean {
  return native.lgetxattr(dir, 'trusted.overlay.opaque') === 'y';
}
