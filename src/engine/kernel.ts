// The engine's one door to the kernel and the file system. Everything else in src/engine is
// plain logic; what touches the machine goes through here (QuickJS's os/std modules and
// our native dockhand:kernel), so it is easy to see what the engine really does — and the
// x-ray trace of kernel operations is recorded in one place.
import * as os from 'os';
import * as std from 'std';
import * as native from 'dockhand:kernel';
import { bytesToBinary } from '../protocol/binary-string';
import { portDevice } from '../protocol/control';
import { xrayLine } from '../protocol/engine';

export class KernelError extends Error {
  constructor(readonly operation: string, readonly errno: number) {
    super(`${operation}: ${native.strerror(errno)}`);
    this.name = 'KernelError';
  }
}

/**
 * The x-ray trace: one line per kernel-level step ("BY START MS OP DETAIL", xrayLine in
 * protocol/engine.ts; START from os.now(), CLOCK_MONOTONIC ms), the daemon's own and those
 * the launcher reported. Kept as text: the host decodes and orders it.
 */
const trace: string[] = [];
/** > 0 inside untraced(): steps are not recorded */
let untracedDepth = 0;
const MAX_TRACE = 500;

/** Runs a step, records it with its duration, and turns a negative errno into a KernelError. */
function step(op: string, detail: string, call: () => number): number {
  const started = os.now();
  const r = call();
  record(op, detail, started);
  if (r < 0) throw new KernelError(`${op} ${detail}`, -r);
  return r;
}

function record(op: string, detail: string, started: number): void {
  if (untracedDepth > 0) return;
  trace.push(xrayLine('d', started, os.now() - started, op, detail));
  if (trace.length > MAX_TRACE) trace.shift();
}

/** Steps another process took (the launcher's report, already as x-ray lines), on the same clock. */
export function addTrace(lines: string[]): void {
  trace.push(...lines);
  if (trace.length > MAX_TRACE) trace.splice(0, trace.length - MAX_TRACE);
}

/** Runs `fn` without recording its steps (the pictures' own reads are not a command's work). */
export function untraced<T>(fn: () => T): T {
  untracedDepth++;
  try {
    return fn();
  } finally {
    untracedDepth--;
  }
}

/** The steps recorded since the last call (and forgets them). */
export function takeTrace(): string[] {
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

/** mkdir -p: tries the directory itself first, and only walks up when its parent is missing. */
export function mkdirs(path: string, mode = 0o755): void {
  const r = os.mkdir(path, mode);
  if (r === 0 || -r === native.EEXIST) return;
  if (-r !== native.ENOENT) throw new KernelError(`mkdir ${path}`, -r);
  const parent = path.slice(0, path.lastIndexOf('/'));
  if (parent) mkdirs(parent, mode);
  const again = os.mkdir(path, mode);
  if (again < 0 && -again !== native.EEXIST) throw new KernelError(`mkdir ${path}`, -again);
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
  record('write', `${value.trim()} > ${path}`, started);
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

export interface Stat {
  mode: number; size: number; isDir: boolean; isSymlink: boolean; rdev: number;
  /** a character device (with rdev 0: an overlay whiteout) */
  isCharDevice: boolean;
  isFile: boolean;
  /** seconds since the epoch */
  mtime: number;
}

export function lstat(path: string): Stat | null {
  const [st, err] = os.lstat(path);
  if (err !== 0) return null;
  const type = st.mode & os.S_IFMT;
  return {
    mode: st.mode, size: st.size, isDir: type === os.S_IFDIR, isSymlink: type === os.S_IFLNK, rdev: st.rdev,
    isCharDevice: type === os.S_IFCHR, isFile: type === os.S_IFREG, mtime: Math.floor(st.mtime / 1000),
  };
}

export function remove(path: string): void {
  os.remove(path);
}

/** Replaces `path` in one step: a reader sees the old file or the new one, never half of it. */
export function writeAtomically(path: string, text: string): void {
  writeText(`${path}.new`, text);
  const r = os.rename(`${path}.new`, path);
  if (r < 0) throw new KernelError(`rename ${path}`, -r);
}

/** rm -rf in C (native removeTree): a busybox rm costs a process start, a JavaScript walk ~100 ms. */
export function removeTree(path: string): void {
  step('rm -r', path, () => native.removeTree(path));
}

/** A regular file's bytes and mode (in C: a JavaScript loop costs ~14 µs per byte here). */
export function copyFile(src: string, dst: string): void {
  const r = native.copyFile(src, dst);
  if (r < 0) throw new KernelError(`copy ${src} to ${dst}`, -r);
}

/** A tar archive, plain or compressed, by its magic bytes (as Docker's ADD decides); null otherwise. */
export function archiveKind(path: string): 'tar' | 'gzip' | 'bzip2' | 'xz' | null {
  const fd = os.open(path, os.O_RDONLY);
  if (fd < 0) return null;
  const head = new Uint8Array(512);
  const n = os.read(fd, head.buffer, 0, 512);
  os.close(fd);
  const at = (offset: number, bytes: number[]) => n >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
  if (at(0, [0x1f, 0x8b])) return 'gzip';
  if (at(0, [0x42, 0x5a, 0x68])) return 'bzip2';
  if (at(0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  return at(257, [0x75, 0x73, 0x74, 0x61, 0x72]) ? 'tar' : null;
}

/** tar -x of an archive archiveKind recognised (busybox tar needs the compression named); true if it worked. */
export function extractArchive(archive: string, kind: 'tar' | 'gzip' | 'bzip2' | 'xz', dir: string): boolean {
  const flag = { tar: [], gzip: ['-z'], bzip2: ['-j'], xz: ['-J'] }[kind];
  return runProgram(['tar', '-x', ...flag, '-f', archive, '-C', dir], { quiet: true }) === 0;
}

export function symlink(target: string, path: string): void {
  const r = os.symlink(target, path);
  if (r < 0) throw new KernelError(`symlink ${path}`, -r);
}

/** lchown: a symlink itself, not what it points to. */
export function chown(path: string, uid: number, gid: number): void {
  const r = native.lchown(path, uid, gid);
  if (r < 0) throw new KernelError(`chown ${path}`, -r);
}

export function chmod(path: string, mode: number): void {
  const r = native.chmod(path, mode);
  if (r < 0) throw new KernelError(`chmod ${path}`, -r);
}

/** Bytes of the regular files under a directory (du's apparent size, without directories). */
export function treeSize(path: string): number {
  let size = 0;
  for (const name of listDir(path)) {
    const st = lstat(`${path}/${name}`);
    if (st) size += st.isDir ? treeSize(`${path}/${name}`) : st.isFile ? st.size : 0;
  }
  return size;
}

/** rmdir (os.remove is remove(3), which also removes empty directories). */
export function removeDir(path: string): void {
  step('rmdir', path, () => os.remove(path));
}

/** mkdir of one directory whose parent exists (a cgroup): recorded in the x-ray trace. */
export function makeDir(path: string, mode = 0o755): void {
  step('mkdir', path, () => os.mkdir(path, mode));
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
  record('exec', argv.join(' '), started);
  return status;
}

/** kill(2); recorded in the x-ray trace. Returns 0 or a negative errno. */
export function kill(pid: number, signal: number): number {
  const started = os.now();
  const r = os.kill(pid, signal);
  record('kill', `${signal} → ${pid}`, started);
  return r;
}

/** Whether a process is still there and not a zombie (its /proc/<pid>/stat state). */
export function processAlive(pid: number): boolean {
  if (pid <= 0) return false;
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return false;
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

/** One line typed on fd (a client's stdin), without its newline; null at end of file. Does not block the daemon. */
export function readLine(fd: number): Promise<string | null> {
  return new Promise((resolve) => {
    let text = '';
    const buffer = new ArrayBuffer(256);
    os.setReadHandler(fd, () => {
      const n = os.read(fd, buffer, 0, buffer.byteLength);
      const chunk = n > 0 ? String.fromCharCode.apply(null, new Uint8Array(buffer, 0, n) as unknown as number[]) : '';
      text += chunk;
      const newline = text.indexOf('\n');
      if (n > 0 && newline < 0 && text.length < 4096) return;
      os.setReadHandler(fd, null);
      resolve(newline >= 0 ? text.slice(0, newline) : text === '' ? null : text);
    });
  });
}

/** Resolves after `ms` milliseconds (the daemon's event loop keeps serving others meanwhile). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    os.setTimeout(resolve, ms);
  });
}

/** Blocks the daemon for `ms` milliseconds: only for a short wait that cannot be awaited. */
export function pause(ms: number): void {
  os.sleep(ms);
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

// ---- processes beside the daemon (detached containers, their launchers) ----

/** Starts a program without waiting (no shell); its stdin/stdout/stderr are the fds given. Returns its pid. */
export function spawn(argv: string[], fds: { stdin: number; stdout: number; stderr: number }): number {
  const started = os.now();
  const pid = os.exec(argv, { block: false, usePath: false, ...fds });
  record('exec', `${argv.join(' ')} &`, started);
  if (pid < 0) throw new KernelError(`exec ${argv[0]}`, -pid);
  return pid;
}

export function openFd(path: string, flags: number, mode = 0o644): number {
  const fd = os.open(path, flags, mode);
  if (fd < 0) throw new KernelError(`open ${path}`, -fd);
  return fd;
}

export const O = { RDONLY: os.O_RDONLY, WRONLY: os.O_WRONLY, RDWR: os.O_RDWR };

export function closeFd(fd: number): void {
  os.close(fd);
}

export function makePipe(): [number, number] {
  const fds = os.pipe();
  if (!fds) throw new Error('pipe failed');
  return fds;
}

/** Reads what is available from fd (up to max bytes) as a binary string; null at end of file. */
export function readChunk(fd: number, max = 65536): string | null {
  const buffer = new ArrayBuffer(max);
  const n = os.read(fd, buffer, 0, max);
  return n > 0 ? bytesToBinary(new Uint8Array(buffer), n) : null;
}

/** Everything written to a pipe until its writers close it (binary string), without blocking the daemon. */
export function readUntilEof(fd: number): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    os.setReadHandler(fd, () => {
      const chunk = readChunk(fd, 4096);
      if (chunk !== null) {
        text += chunk;
        return;
      }
      os.setReadHandler(fd, null);
      os.close(fd);
      resolve(text);
    });
  });
}

/** Children the daemon started, and what to do when each exits (reaped on SIGCHLD, by pid: never waitpid(-1)). */
const children = new Map<number, (status: number) => void>();
let sigchldInstalled = false;

function reapChildren(): void {
  for (const [pid, onExit] of [...children]) {
    const [ret, status] = os.waitpid(pid, os.WNOHANG);
    if (ret !== pid) continue;
    children.delete(pid);
    const signal = status & 0x7f;
    onExit(signal === 0 ? (status >> 8) & 0xff : 128 + signal);
  }
}

/** Calls onExit with the child's exit status (128+N when killed by signal N) once it has exited. */
export function watchChild(pid: number, onExit: (status: number) => void): void {
  if (!sigchldInstalled) {
    sigchldInstalled = true;
    os.signal(os.SIGCHLD, reapChildren);
  }
  children.set(pid, onExit);
  reapChildren(); // it may have exited already
}

/** kill(2); false when the process does not exist (any more). */
export function sendSignal(pid: number, signal: number): boolean {
  if (pid <= 0) return false;
  const started = os.now();
  const r = os.kill(pid, signal);
  if (signal !== 0) record('kill', `${signal} → ${pid}`, started);
  return r === 0;
}

export function after(ms: number, fn: () => void): unknown {
  return os.setTimeout(fn, ms);
}

export function cancel(timer: unknown): void {
  os.clearTimeout(timer);
}

/** Ignores SIGPIPE: a client that went away must not take the daemon with it. */
export function ignoreSigpipe(): void {
  os.signal(os.SIGPIPE, () => {});
}

// ---- programs whose output the engine reads or passes on (commit, save, load) ----

/** Runs a program to completion with the given fds (a client's stdout for `docker save`); returns its exit status. */
export function runProgramWithFds(argv: string[], fds: { stdin?: number; stdout?: number }, cwd?: string): number {
  const started = os.now();
  const status = os.exec(argv, { block: true, usePath: true, cwd, ...fds });
  record('exec', argv.join(' '), started);
  return status;
}

/** A program's stdout (small outputs: sha256sum), through a temporary file; null if it failed. */
export function programOutput(argv: string[], cwd?: string): string | null {
  const path = `/tmp/dockhand-out-${os.getpid()}`;
  const fd = openFd(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600);
  const status = runProgramWithFds(argv, { stdout: fd }, cwd);
  os.close(fd);
  const text = readText(path);
  os.remove(path);
  return status === 0 ? text : null;
}

/** The sha256 of a file as `sha256:<hex>` (busybox sha256sum: no JavaScript per byte). */
export function sha256File(path: string): string {
  const out = programOutput(['sha256sum', path]);
  const hex = out?.slice(0, 64) ?? '';
  if (!/^[a-f0-9]{64}$/.test(hex)) throw new Error(`cannot hash ${path}`);
  return `sha256:${hex}`;
}

// ---- reading the kernel's state (the control API for the web app) ----

/** readlink(2) (namespace links under /proc/<pid>/ns); null when it fails. */
export function readLink(path: string): string | null {
  const [target, err] = os.readlink(path);
  return err === 0 ? target : null;
}

/**
 * Opens one of the guest's virtio-console ports to the host (protocol/control.ts), for
 * writing, in raw mode (frames must cross unchanged: no \n → \r\n). -1 if it is missing.
 */
export function openHostPort(port: number): number {
  const device = portDevice(port);
  const devnull = os.open('/dev/null', os.O_RDWR);
  os.exec(['stty', '-F', device, 'raw', '-echo'], { stdout: devnull, stderr: devnull });
  os.close(devnull);
  return os.open(device, os.O_WRONLY);
}

/** A monotonic clock in milliseconds (timing a command for the x-ray). */
export function nowMs(): number {
  return os.now();
}

/** open(2) flags for a new or emptied file */
export const O_CREATE_TRUNC = os.O_WRONLY | os.O_CREAT | os.O_TRUNC;

/**
 * Runs a program with the given fds without blocking the daemon (a client's pipe may be read
 * by another client the daemon serves: `docker save | docker load`); resolves with its status.
 */
export function runProgramAsync(argv: string[], fds: { stdin?: number; stdout?: number; stderr?: number }): Promise<number> {
  const devnull = os.open('/dev/null', os.O_RDWR);
  const pid = spawn(argv, { stdin: fds.stdin ?? devnull, stdout: fds.stdout ?? devnull, stderr: fds.stderr ?? devnull });
  os.close(devnull);
  return new Promise((resolve) => watchChild(pid, resolve));
}
