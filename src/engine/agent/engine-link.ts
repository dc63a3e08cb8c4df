// The agent's link to the engine daemon's API socket (/run/dockhand/api.sock): requests for
// the engine (engine.state, engine.subscribe) go there as frames, and the replies that come
// back are already frames, passed to hvc0 line by line without parsing (the engine's events
// go to the host on their own port: api/server.ts).
// Reconnects when the daemon is not there (yet) or restarts.
import * as os from 'os';
import * as std from 'std';
import * as native from 'dockhand:kernel';
import { LineSplitter, encodeFrame, type ControlRequest } from '../../protocol/control';

const API_SOCKET = '/run/dockhand/api.sock';
const RETRY_MS = 1000;
/** a reply frame starts with its id (the daemon builds replies id first): one native match, no JSON parsing */
const REPLY_ID = /^\u001edh \{"id":(\d+)/;

export class EngineLink {
  private conn = -1;
  private file: std.FILE | null = null;
  private retry: unknown = null;
  /** requests the daemon has not answered yet: failed if it goes away */
  private readonly waiting = new Set<number>();
  /** the host asked for events: asked again of a daemon that restarted (its reply, id -1, is ignored by the host) */
  private subscribed = false;

  /**
   * passLine gets each frame line (with its newline) from the daemon; lost gets the id of
   * each request left unanswered when the daemon went away.
   */
  constructor(private readonly passLine: (line: string) => void, private readonly lost: (id: number) => void) {}

  start(): void {
    this.connect();
  }

  /** Sends a request on; false when the daemon cannot be reached. */
  forward(request: ControlRequest): boolean {
    if (request.op === 'engine.subscribe') this.subscribed = request.events;
    if (this.conn < 0) this.connect();
    if (!this.file) return false;
    this.waiting.add(request.id);
    this.file.puts(encodeFrame(request));
    this.file.flush();
    return true;
  }

  private connect(): void {
    if (this.conn >= 0) return;
    const conn = native.unixConnect(API_SOCKET);
    if (conn < 0) return this.scheduleRetry();
    const file = std.fdopen(conn, 'w');
    if (!file) {
      os.close(conn);
      return this.scheduleRetry();
    }
    this.conn = conn;
    this.file = file;
    if (this.subscribed) {
      file.puts(encodeFrame({ id: -1, op: 'engine.subscribe', events: true }));
      file.flush();
    }
    const lines = new LineSplitter();
    const buffer = new ArrayBuffer(16384);
    os.setReadHandler(conn, () => {
      const n = os.read(conn, buffer, 0, buffer.byteLength);
      if (n <= 0) return this.disconnect();
      for (const line of lines.pushChunk(new Uint8Array(buffer, 0, n))) {
        const reply = this.waiting.size ? REPLY_ID.exec(line) : null;
        if (reply) this.waiting.delete(Number(reply[1]));
        this.passLine(line + '\n');
      }
    });
  }

  private disconnect(): void {
    if (this.conn < 0) return;
    os.setReadHandler(this.conn, null);
    this.file?.close(); // closes the socket
    this.file = null;
    this.conn = -1;
    for (const id of this.waiting) this.lost(id);
    this.waiting.clear();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retry !== null) return;
    this.retry = os.setTimeout(() => {
      this.retry = null;
      this.connect();
    }, RETRY_MS);
  }
}
