// The foreground half of `docker run`: the daemon asks the client to become the container
// ("run SPEC"), so it runs in the student's own session with their terminal and job
// control, and waits for the client's "status N".
import * as os from 'os';
import * as kernel from 'dockhand:kernel';
import { bytesToBinary } from '../../protocol/binary-string';
import { addTrace } from '../kernel';
import { parseLauncherReport } from '../runtime/launcher-report';

/**
 * Resolves with the container's exit status; 125 if the client went away without one.
 * onPid gets the host pid of the container's PID 1 (the client's "pid N") as soon as it runs.
 */
export function runInClient(conn: number, specPath: string, onPid?: (pid: number) => void): Promise<number> {
  const line = Uint8Array.from(`run ${specPath}\n`, (c) => c.charCodeAt(0));
  os.write(conn, line.buffer, 0, line.length);
  return new Promise((resolve) => {
    // the launcher's x-ray arrives as one batch of a few KB: read it in one go, not in 20 wake-ups
    const buffer = new ArrayBuffer(16384);
    let text = '';
    os.setReadHandler(conn, () => {
      const { n } = kernel.recvFds(conn, buffer, 0, buffer.byteLength);
      if (n > 0) text += bytesToBinary(new Uint8Array(buffer), n);
      const report = parseLauncherReport(text);
      text = report.rest;
      if (report.pid !== undefined) onPid?.(report.pid);
      if (report.steps.length > 0) addTrace(report.steps);
      const match = /status (\d+)\n/.exec(report.other);
      if (match || n <= 0) {
        os.setReadHandler(conn, null);
        resolve(match ? Number(match[1]) : 125);
      }
    });
  });
}
