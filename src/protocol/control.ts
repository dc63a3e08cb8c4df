// The control channel: typed messages between the host (web app, Node tools) and the
// guest agent, carried over the guest's second serial port (ttyS1).
//
// Wire format: one frame per line, `FRAME_PREFIX + JSON + "\n"`, pure ASCII (non-ASCII
// characters are \u-escaped, bytes travel as base64), so the guest needs no UTF-8 codec
// and stray bytes on the line (a half-written frame after a restore) are simply skipped.
// The engine's control API (containers, images, events) extends these unions later.

export const FRAME_PREFIX = '\u001edh ';
export const PROTOCOL_VERSION = 1;

/** host → guest */
export type ControlRequest =
  | { id: number; op: 'ping' }
  | {
      id: number;
      op: 'exec';
      /** run as `/bin/sh -c cmd` in its own session (so a timeout kills the whole group) */
      cmd: string;
      /** bytes for the command's stdin, base64; stdin is /dev/null when absent */
      stdin?: string;
      /** kill the command's process group after this many ms */
      timeoutMs?: number;
      cwd?: string;
    };

/** guest → host: answers carry the id of their request */
export type ControlReply =
  | { id: number; op: 'pong'; version: number; bootId: string; uptimeMs: number }
  | {
      id: number;
      op: 'exec';
      exitCode: number;
      /** base64 */
      stdout: string;
      /** base64 */
      stderr: string;
      timedOut: boolean;
      durationMs: number;
    }
  | { id: number; op: 'error'; message: string };

/** guest → host, unrequested */
export type ControlEvent = { op: 'hello'; version: number; bootId: string; uptimeMs: number };

export type GuestMessage = ControlReply | ControlEvent;

/** Distributes Omit over a union, so each request shape keeps its own fields. */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type ControlRequestBody = WithoutId<ControlRequest>;

/** Encodes one message as a frame line (ASCII only, newline-terminated). */
export function encodeFrame(message: ControlRequest | GuestMessage): string {
  const json = JSON.stringify(message).replace(
    /[\u007f-\uffff]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  );
  return FRAME_PREFIX + json + '\n';
}

/** Parses one line (without its newline). Returns null for lines that are not frames. */
export function decodeFrame<T = GuestMessage | ControlRequest>(line: string): T | null {
  const start = line.lastIndexOf(FRAME_PREFIX);
  if (start < 0) return null;
  try {
    const value = JSON.parse(line.slice(start + FRAME_PREFIX.length));
    return value && typeof value === 'object' && typeof value.op === 'string' ? (value as T) : null;
  } catch {
    return null;
  }
}

/** Splits a byte stream into lines; feed it bytes, get complete lines back. */
export class LineSplitter {
  private buffer = new Uint8Array(4096);
  private length = 0;

  push(byte: number): string | null {
    if (byte === 10) {
      const line = asciiFromBytes(this.buffer, this.length);
      this.length = 0;
      return line;
    }
    if (this.length === this.buffer.length) {
      const bigger = new Uint8Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = byte;
    return null;
  }
}

/** Bytes to a string, one char per byte (frames are ASCII), in chunks to spare the stack. */
export function asciiFromBytes(bytes: Uint8Array, length = bytes.length): string {
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, Math.min(length, i + 8192))));
  }
  return out;
}
