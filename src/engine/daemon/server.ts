// The daemon's socket: accepts clients on /run/dockhand/engine.sock, reads each request
// (with the client's fds) and hands it to the command dispatcher.
import * as os from 'os';
import * as std from 'std';
import * as kernel from 'dockhand:kernel';
import { bytesToBinary } from '../../protocol/binary-string';
import { ClientIO } from './client-io';
import { parseCliRequest } from './request';

export const SOCKET_PATH = '/run/dockhand/engine.sock';
const MAX_REQUEST = 65536;

export type Dispatch = (client: ClientIO) => void | Promise<void>;

export function serve(dispatch: Dispatch): void {
  os.mkdir('/run/dockhand', 0o755);
  const listener = kernel.unixListen(SOCKET_PATH, 16);
  if (listener < 0) throw new Error(`cannot listen on ${SOCKET_PATH}: ${kernel.strerror(listener)}`);
  os.setReadHandler(listener, () => {
    const conn = kernel.accept(listener);
    if (conn >= 0) readRequest(conn, dispatch);
  });
}

function readRequest(conn: number, dispatch: Dispatch): void {
  const buffer = new ArrayBuffer(MAX_REQUEST);
  let length = 0;
  const fds: number[] = [];
  const fail = (message: string) => {
    os.setReadHandler(conn, null);
    for (const fd of fds) os.close(fd);
    os.close(conn);
    std.err.puts(`dockhandd: ${message}\n`);
  };
  os.setReadHandler(conn, () => {
    const { n, fds: received } = kernel.recvFds(conn, buffer, length, MAX_REQUEST - length);
    fds.push(...received);
    if (n <= 0) return fail(n < 0 ? `reading a request: ${kernel.strerror(n)}` : 'the client left before its request was complete');
    length += n;
    const request = parseCliRequest(bytesToBinary(new Uint8Array(buffer), length));
    if (!request) {
      if (length === MAX_REQUEST) fail('request too long');
      return;
    }
    os.setReadHandler(conn, null);
    const client = new ClientIO(request, conn, [fds[0] ?? -1, fds[1] ?? -1, fds[2] ?? -1]);
    Promise.resolve()
      .then(() => dispatch(client))
      .catch((error: unknown) => {
        client.err(`docker: Error response from daemon: ${error instanceof Error ? error.message : String(error)}\n`);
        client.exit(125);
      });
  });
}
