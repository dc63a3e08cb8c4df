// Host side of the control channel: sends requests (ttyS1), reads the guest's streams
// (virtio-console ports: the agent's replies, the engine's events), matches replies by id,
// and hands unrequested guest messages (events, the x-ray decoded) to listeners.
import {
  decodeFrame, encodeFrame,
  type ControlEvent, type ControlReply, type ControlRequestBody, type GuestMessage,
} from '../../protocol/control';
import { decodeEngineEvent } from '../../protocol/engine';

export class ControlTimeoutError extends Error {
  constructor(op: string, ms: number) {
    super(`the guest agent did not answer '${op}' within ${ms} ms`);
    this.name = 'ControlTimeoutError';
  }
}

interface Pending { resolve(reply: ControlReply): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }

export class ControlChannel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: ControlEvent) => void>();

  constructor(private readonly write: (frame: Uint8Array) => void) {}

  /** A reader for one of the guest's streams: feed it every chunk the guest writes there. */
  stream(): (chunk: Uint8Array) => void {
    const lines = new Utf8Lines();
    return (chunk) => {
      for (const line of lines.push(chunk)) this.receiveLine(line);
    };
  }

  private receiveLine(line: string): void {
    const message = decodeFrame<GuestMessage>(line);
    if (!message) return;
    if ('id' in message) {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      waiting.resolve(message);
    } else {
      const event = message.op === 'hello' ? message : decodeEngineEvent(message);
      for (const listener of this.listeners) listener(event);
    }
  }

  onEvent(listener: (event: ControlEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  request(body: ControlRequestBody, timeoutMs: number): Promise<ControlReply> {
    const id = this.nextId++;
    const frame = encodeFrame({ ...body, id } as Parameters<typeof encodeFrame>[0]);
    return new Promise<ControlReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ControlTimeoutError(body.op, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.write(Uint8Array.from(frame, (c) => c.charCodeAt(0)));
    });
  }

  /** Fails every request in flight (the machine was reset or destroyed). */
  abortAll(reason: string): void {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(reason));
      this.pending.delete(id);
    }
  }
}

/** Splits a byte stream into UTF-8 lines (without their newlines); a partial line waits for the next chunk. */
export class Utf8Lines {
  private readonly decoder = new TextDecoder();
  private partial: Uint8Array[] = [];

  push(chunk: Uint8Array): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      lines.push(this.take(chunk.subarray(start, nl)));
      start = nl + 1;
    }
    if (start < chunk.length) this.partial.push(chunk.slice(start));
    return lines;
  }

  private take(tail: Uint8Array): string {
    if (this.partial.length === 0) return this.decoder.decode(tail);
    const parts = [...this.partial, tail];
    this.partial = [];
    const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      whole.set(p, at);
      at += p.length;
    }
    return this.decoder.decode(whole);
  }
}
