// Runs one shell command for the control channel and collects its output and exit status.
// The command runs in its own session (setsid) so a timeout can kill every process it made.
import * as os from 'os';
import { bytesToBinary } from '../../protocol/binary-string';

export interface CommandSpec { cmd: string; stdin?: Uint8Array; stdinPath?: string; timeoutMs?: number; cwd?: string }
export interface CommandResult { exitCode: number; stdout: string; stderr: string; timedOut: boolean; durationMs: number }

/** How long to keep reading after the shell exits, when a background child keeps the pipes open. */
const DRAIN_AFTER_EXIT_MS = 100;
/** Linux's O_NONBLOCK (QuickJS's os module does not export it); EAGAIN as os.read reports it */
const O_NONBLOCK = 0o4000;
const EAGAIN = -11;

const running = new Map<number, (status: number) => void>();
os.signal(os.SIGCHLD, reapChildren);

function reapChildren(): void {
  for (const [pid, onExit] of running) {
    const [ret, status] = os.waitpid(pid, os.WNOHANG);
    if (ret === pid) {
      running.delete(pid);
      onExit(status);
    }
  }
}

class Collector {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private open = true;
  private readonly buffer = new ArrayBuffer(16384);
  private readonly fd: number;
  /** reads from a non-blocking copy of the pipe's read end, so drain() can take what is there without waiting */
  constructor(pipeFd: number, private readonly onClose: () => void) {
    const fd = os.open(`/proc/self/fd/${pipeFd}`, os.O_RDONLY | O_NONBLOCK);
    if (fd >= 0) { os.close(pipeFd); this.fd = fd; } else this.fd = pipeFd;
    os.setReadHandler(this.fd, () => this.readSome());
  }
  get isOpen() { return this.open; }
  /** one read; false when nothing more is there right now */
  readSome(): boolean {
    const n = os.read(this.fd, this.buffer, 0, this.buffer.byteLength);
    if (n > 0) {
      this.chunks.push(new Uint8Array(this.buffer.slice(0, n)));
      this.size += n;
      return true;
    }
    if (n !== EAGAIN) this.close();
    return false;
  }
  /** takes everything already written (the command has exited) */
  drain(): void {
    while (this.open && this.readSome());
  }
  close(): void {
    if (!this.open) return;
    this.open = false;
    os.setReadHandler(this.fd, null);
    os.close(this.fd);
    this.onClose();
  }
  bytes(): Uint8Array {
    const all = new Uint8Array(this.size);
    let o = 0;
    for (const c of this.chunks) { all.set(c, o); o += c.length; }
    return all;
  }
}

function decodeStatus(status: number): number {
  const signal = status & 0x7f;
  return signal === 0 ? (status >> 8) & 0xff : 128 + signal;
}

export function runCommand(spec: CommandSpec, done: (result: CommandResult) => void): void {
  const started = Date.now();
  const outPipe = os.pipe();
  const errPipe = os.pipe();
  const inPipe = spec.stdinPath ? openAsPipe(spec.stdinPath) : os.pipe();
  if (!outPipe || !errPipe || !inPipe) {
    done({ exitCode: 126, stdout: '', stderr: 'dockhand-agent: pipe failed\n', timedOut: false, durationMs: 0 });
    return;
  }
  const pid = os.exec(['/bin/busybox', 'setsid', '/bin/sh', '-c', spec.cmd], {
    block: false, usePath: false, cwd: spec.cwd ?? '/root',
    stdin: inPipe[0], stdout: outPipe[1], stderr: errPipe[1],
  });
  os.close(outPipe[1]); os.close(errPipe[1]); os.close(inPipe[0]);
  if (!spec.stdinPath) feed(inPipe[1], spec.stdin ?? new Uint8Array(0));

  let status: number | null = null;
  let timedOut = false;
  let finished = false;
  let drainTimer: unknown = null;
  const finish = () => {
    if (finished || status === null) return;
    finished = true;
    out.drain(); err.drain();
    if (timeoutTimer) os.clearTimeout(timeoutTimer);
    if (drainTimer) os.clearTimeout(drainTimer);
    out.close(); err.close();
    // Removed only now: v86's 9p server forgets an unlinked file's data even while it is open.
    if (spec.stdinPath) os.remove(spec.stdinPath);
    done({
      exitCode: timedOut ? 124 : decodeStatus(status),
      stdout: bytesToBinary(out.bytes()), stderr: bytesToBinary(err.bytes()),
      timedOut, durationMs: Date.now() - started,
    });
  };
  const maybeFinish = () => { if (!out.isOpen && !err.isOpen) finish(); };
  const out = new Collector(outPipe[0], maybeFinish);
  const err = new Collector(errPipe[0], maybeFinish);
  running.set(pid, (exitStatus) => {
    status = exitStatus;
    out.drain(); err.drain(); // may close both, and finish
    maybeFinish();
    if (!finished) drainTimer = os.setTimeout(finish, DRAIN_AFTER_EXIT_MS);
  });
  const timeoutTimer = spec.timeoutMs ? os.setTimeout(() => {
    timedOut = true;
    os.kill(-pid, 9); // SIGKILL: QuickJS's os module has no SIGKILL constant
  }, spec.timeoutMs) : null;
  // The child may have exited before we registered it.
  reapChildren();
}

/** A file as the read end of a "pipe" (there is no write end to feed: -1). */
function openAsPipe(path: string): [number, number] | null {
  const fd = os.open(path, os.O_RDONLY);
  return fd < 0 ? null : [fd, -1];
}

/** Writes stdin as the pipe drains (at most one pipe page per wakeup, so the agent never blocks), then closes it. */
function feed(fd: number, bytes: Uint8Array): void {
  if (bytes.length === 0) { os.close(fd); return; }
  const buffer = bytes.slice().buffer;
  let offset = 0;
  os.setWriteHandler(fd, () => {
    const n = os.write(fd, buffer, offset, Math.min(4096, bytes.length - offset));
    offset += Math.max(n, 0);
    if (n <= 0 || offset >= bytes.length) {
      os.setWriteHandler(fd, null);
      os.close(fd);
    }
  });
}

