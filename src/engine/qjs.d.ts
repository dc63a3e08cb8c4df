// The parts of QuickJS's built-in `os` and `std` modules the engine uses
// (quickjs 2025-04-26, see its doc/quickjs.texi).
declare module 'os' {
  export const O_RDONLY: number, O_WRONLY: number, O_RDWR: number, O_CREAT: number, O_TRUNC: number,
    O_APPEND: number, O_EXCL: number;
  // No SIGKILL constant in this QuickJS: use 9.
  export const SIGINT: number, SIGTERM: number, SIGCHLD: number, SIGPIPE: number;
  export const WNOHANG: number;
  export function open(path: string, flags: number, mode?: number): number;
  export function close(fd: number): number;
  export function remove(path: string): number;
  export function rename(oldPath: string, newPath: string): number;
  export function mkdir(path: string, mode?: number): number;
  export interface StatResult { dev: number; ino: number; mode: number; nlink: number; uid: number; gid: number; rdev: number; size: number; blocks: number; atime: number; mtime: number; ctime: number }
  export function stat(path: string): [StatResult, number];
  export function lstat(path: string): [StatResult, number];
  export function readdir(path: string): [string[], number];
  export function symlink(target: string, linkpath: string): number;
  export function readlink(path: string): [string, number];
  export const S_IFMT: number, S_IFDIR: number, S_IFREG: number, S_IFLNK: number, S_IFCHR: number;
  export function read(fd: number, buf: ArrayBuffer, offset: number, length: number): number;
  export function write(fd: number, buf: ArrayBuffer, offset: number, length: number): number;
  export function pipe(): [number, number] | null;
  export function setReadHandler(fd: number, handler: (() => void) | null): void;
  export function setWriteHandler(fd: number, handler: (() => void) | null): void;
  export function signal(sig: number, handler: (() => void) | null | undefined): void;
  export function exec(
    args: string[],
    options?: {
      block?: boolean; usePath?: boolean; file?: string; cwd?: string;
      stdin?: number; stdout?: number; stderr?: number;
      env?: Record<string, string>; uid?: number; gid?: number;
    },
  ): number;
  export function waitpid(pid: number, options: number): [number, number];
  export function kill(pid: number, sig: number): number;
  export function setTimeout(fn: () => void, ms: number): unknown;
  /** blocks the whole process */
  export function sleep(ms: number): void;
  export function clearTimeout(handle: unknown): void;
  export function now(): number;
  export function getpid(): number;
}
declare module 'std' {
  /** Sizes the file with ftell first: returns '' for /proc files (use open + readAsString). */
  export function loadFile(path: string): string | null;
  export interface FILE { readAsString(max?: number): string; puts(s: string): void; flush(): void; close(): number }
  export function open(path: string, mode: string): FILE | null;
  export function fdopen(fd: number, mode: string): FILE | null;
  export function getenv(name: string): string | undefined;
  export function exit(code: number): never;
  export const err: { puts(s: string): void; flush(): void };
}
/** QuickJS's command-line arguments (a global, not part of `std`). */
declare const scriptArgs: string[];

/** Our native module, built into the guest's qjs (src/engine/native/kernel.c). Calls return negative errno on failure. */
declare module 'dockhand:kernel' {
  export function mount(source: string | null, target: string, fstype: string | null, flags: number, data?: string | null): number;
  export function umount(target: string, flags: number): number;
  /** rm -rf, not crossing into other mounts (-EBUSY); 0 or a negative errno */
  export function removeTree(path: string): number;
  /** a regular file's bytes and mode; 0 or a negative errno */
  export function copyFile(src: string, dst: string): number;
  export function lchown(path: string, uid: number, gid: number): number;
  export function chmod(path: string, mode: number): number;
  export function mknod(path: string, mode: number, major: number, minor: number): number;
  export function lgetxattr(path: string, name: string): string | number;
  export function lsetxattr(path: string, name: string, value: string): number;
  export function unshare(flags: number): number;
  export function setns(fd: number, nstype: number): number;
  export function unixListen(path: string, backlog: number): number;
  export function unixConnect(path: string): number;
  export function accept(fd: number): number;
  export function recvFds(fd: number, buffer: ArrayBuffer, offset: number, length: number): { n: number; fds: number[] };
  export function sendFds(fd: number, buffer: ArrayBuffer, offset: number, length: number, fds: number[]): number;
  export function strerror(errno: number): string;
  export const MS_RDONLY: number, MS_NOSUID: number, MS_NODEV: number, MS_NOEXEC: number, MS_REMOUNT: number,
    MS_BIND: number, MS_REC: number, MS_PRIVATE: number, MS_SLAVE: number, MS_MOVE: number, MNT_DETACH: number,
    S_IFCHR: number, S_IFBLK: number, S_IFIFO: number,
    CLONE_NEWNS: number, CLONE_NEWUTS: number, CLONE_NEWIPC: number, CLONE_NEWPID: number, CLONE_NEWNET: number,
    CLONE_NEWCGROUP: number, ENOENT: number, EEXIST: number, EBUSY: number, EAGAIN: number, ENODATA: number,
    EINVAL: number, EPERM: number;
}
