// The control channel: typed messages between the host (web app, Node tools) and the
// guest. Host → guest: requests on the guest's second serial port (ttyS1). Guest → host:
// the agent's replies on virtio-console port 0 (/dev/hvc0) and the engine daemon's events
// on port 1 (/dev/hvc1), each a stream of its own. A virtio port takes a whole write in
// one go, where the UART costs the guest an I/O exit per byte and an interrupt per 16.
//
// Wire format: one frame per line, `FRAME_PREFIX + JSON + "\n"`. Requests and the agent's
// replies are pure ASCII (non-ASCII characters are \u-escaped, bytes travel as binary
// strings: see binary-string.ts), so the guest needs no UTF-8 codec and every conversion is
// a native call. The engine's events are UTF-8 as QuickJS writes it (encodeEventFrame): the
// escaping pass was the dearer half of encoding them. Stray bytes on a line (a half-written
// frame after a restore) are simply skipped.
// The engine's control API (engine.state, container events, x-ray) is typed in engine.ts.

import { bytesToBinary } from './binary-string';
import type { EngineEvent, EngineState, EngineWireEvent } from './engine';

export const FRAME_PREFIX = '\u001edh ';

/**
 * The guest's streams to the host: virtio-console ports. v86 makes every port a console
 * port, so the guest's kernel names port N /dev/hvcN (raw mode: no newline translation).
 */
export const REPLY_PORT = 0;
export const EVENT_PORT = 1;
export const portDevice = (port: number) => `/dev/hvc${port}`;
export const PROTOCOL_VERSION = 2;

/** host → guest */
export type ControlRequest =
  | { id: number; op: 'ping' }
  | {
      id: number;
      op: 'exec';
      /** run as `/bin/sh -c cmd` in its own session (so a timeout kills the whole group) */
      cmd: string;
      /** bytes for the command's stdin, as a binary string (small inputs only) */
      stdin?: string;
      /** a file in the guest to use as stdin and remove afterwards (large inputs, put there over 9p) */
      stdinPath?: string;
      /** kill the command's process group after this many ms */
      timeoutMs?: number;
      cwd?: string;
    }
  /** a snapshot of the container engine (answered by the daemon through the agent) */
  | { id: number; op: 'engine.state' }
  /**
   * Whether this host wants the engine's events (lifecycle, x-ray). Off until asked: a
   * command then pays nothing for events no one reads (building them costs the guest).
   */
  | { id: number; op: 'engine.subscribe'; events: boolean };

/**
 * Request frames larger than this risk overrunning the guest's tty buffers (64 KiB, and the
 * serial line has no flow control); larger inputs go through the 9p share instead.
 */
export const MAX_INLINE_STDIN = 4096;

/** guest → host: answers carry the id of their request */
export type ControlReply =
  | { id: number; op: 'pong'; version: number; bootId: string; uptimeMs: number }
  | {
      id: number;
      op: 'exec';
      exitCode: number;
      /** bytes, as a binary string */
      stdout: string;
      /** bytes, as a binary string */
      stderr: string;
      timedOut: boolean;
      durationMs: number;
    }
  | { id: number; op: 'engine.state'; state: EngineState }
  | { id: number; op: 'engine.subscribe'; events: boolean }
  | { id: number; op: 'error'; message: string };

type Hello = { op: 'hello'; version: number; bootId: string; uptimeMs: number };

/** guest → host, unrequested, as the host hands them on (the x-ray decoded: engine.ts) */
export type ControlEvent = Hello | EngineEvent;

/** guest → host, unrequested, as sent */
export type GuestEvent = Hello | EngineWireEvent;

/** guest → host, as sent */
export type GuestMessage = ControlReply | GuestEvent;

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

/** An engine event as a frame line, UTF-8 left as is (the events' port carries it unchanged). */
export function encodeEventFrame(event: EngineWireEvent): string {
  return FRAME_PREFIX + JSON.stringify(event) + '\n';
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

/**
 * Splits a byte stream into lines, fed in chunks. Lines come out as binary strings (the
 * guest), or decoded by `decode` (the host reads its ports' UTF-8 with a TextDecoder): a line
 * is decoded whole, so a character cut across two chunks is read right.
 */
export class LineSplitter {
  private buffer = new Uint8Array(4096);
  private length = 0;

  constructor(private readonly decode: (bytes: Uint8Array, length: number) => string = bytesToBinary) {}

  /** A chunk of bytes; returns every line it completes (native searching and copying). */
  pushChunk(chunk: Uint8Array): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      this.append(chunk.subarray(start, nl));
      lines.push(this.decode(this.buffer, this.length));
      this.length = 0;
      start = nl + 1;
    }
    this.append(chunk.subarray(start));
    return lines;
  }

  private append(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes.length));
      bigger.set(this.buffer.subarray(0, this.length));
      this.buffer = bigger;
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
}
