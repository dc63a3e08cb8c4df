// Host side of the control channel: sends requests (ttyS1), reads the guest's streams
// (virtio-console ports: the agent's replies, the engine's events), matches replies by id,
// and hands unrequested guest messages (events, the x-ray decoded) to listeners.
import {
  LineSplitter, decodeFrame, encodeFrame,
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
    const utf8 = new TextDecoder();
    const lines = new LineSplitter((bytes, length) => utf8.decode(bytes.subarray(0, length)));
    return (chunk) => {
      for (const line of lines.pushChunk(chunk)) this.receiveLine(line);
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
