// One client's terminal, as the daemon sees it: the client's own stdin/stdout/stderr fds
// (received over the socket) and the socket itself, on which "exit N" ends the command.
import * as os from 'os';
import * as std from 'std';
import type { CliRequest } from './request';
import { runInClient } from './run-request';

export class ClientIO {
  private readonly stdoutFile: std.FILE | null;
  private readonly stderrFile: std.FILE | null;
  private finished = false;

  constructor(readonly request: CliRequest, private readonly conn: number, readonly fds: number[]) {
    this.stdoutFile = fds[1] >= 0 ? std.fdopen(fds[1], 'w') : null;
    this.stderrFile = fds[2] >= 0 ? std.fdopen(fds[2], 'w') : null;
  }

  /** Text to the client's stdout (UTF-8, written by C stdio: no per-byte JavaScript). */
  out(text: string): void {
    this.stdoutFile?.puts(text);
    this.stdoutFile?.flush();
  }

  err(text: string): void {
    this.stderrFile?.puts(text);
    this.stderrFile?.flush();
  }

  /** Runs a container in the client process (foreground `docker run`); resolves with its exit status. */
  runContainer(specPath: string, onPid?: (pid: number) => void): Promise<number> {
    return runInClient(this.conn, specPath, onPid);
  }

  /** Calls onHangup if the client goes away (Ctrl-C on docker logs -f); returns a function that stops watching. */
  watchHangup(onHangup: () => void): () => void {
    const buffer = new ArrayBuffer(64);
    os.setReadHandler(this.conn, () => {
      if (os.read(this.conn, buffer, 0, buffer.byteLength) <= 0) {
        os.setReadHandler(this.conn, null);
        onHangup();
      }
    });
    return () => os.setReadHandler(this.conn, null);
  }

  /** Ends the command: the client exits with `code`. */
  exit(code: number): void {
    if (this.finished) return;
    this.finished = true;
    this.stdoutFile?.close();
    this.stderrFile?.close();
    if (this.fds[0] >= 0) os.close(this.fds[0]);
    const line = `exit ${code & 0xff}\n`;
    const bytes = Uint8Array.from(line, (c) => c.charCodeAt(0));
    os.write(this.conn, bytes.buffer, 0, bytes.length);
    os.close(this.conn);
  }
}
