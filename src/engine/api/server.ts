// The daemon's API socket for the web app: /run/dockhand/api.sock. The guest agent connects
// once and relays. Wire: control-channel frames (src/protocol/control.ts), one a line, both
// ways: requests in (engine.state), replies and events out — already frames, so the agent
// passes them to ttyS1 without parsing them.
import type { VolumeStore } from '../store/volume-store';
import * as os from 'os';
import * as std from 'std';
import * as native from 'dockhand:kernel';
import { LineSplitter, decodeFrame, encodeFrame, type ControlRequest, type GuestMessage } from '../../protocol/control';
import { MAX_XRAY_STEPS, type EngineEvent, type XrayStep } from '../../protocol/engine';
import type { ContainerRecord, ContainerStore } from '../store/container-store';
import type { ImageStore } from '../store/image-store';
import { lifecycleEvents } from './events';
import { collectState } from './state';
import { SnapshotGate } from './snapshot-gate';

export const API_SOCKET_PATH = '/run/dockhand/api.sock';

export class ApiServer {
  private readonly connections = new Set<number>();

  /** the student's commands first: snapshots wait for a quiet moment (snapshot-gate.ts) */
  readonly gate = new SnapshotGate();
  /** engine.state requests waiting for the gate; one snapshot answers them all */
  private waiting: { conn: number; id: number }[] = [];
  private gateTimer = false;

  constructor(private readonly images: ImageStore, private readonly containers: ContainerStore, private readonly volumes?: VolumeStore) {}

  listen(): void {
    os.mkdir('/run/dockhand', 0o755);
    os.remove(API_SOCKET_PATH);
    const listener = native.unixListen(API_SOCKET_PATH, 4);
    if (listener < 0) {
      std.err.puts(`dockhandd: cannot listen on ${API_SOCKET_PATH}: ${native.strerror(listener)}\n`);
      return;
    }
    os.setReadHandler(listener, () => {
      const conn = native.accept(listener);
      if (conn >= 0) this.serveConnection(conn);
    });
  }

  /** Sends an event to every connected agent. */
  publish(event: EngineEvent): void {
    if (this.subscribers.size === 0) return;
    const frame = encodeFrame(event);
    for (const conn of [...this.subscribers]) this.write(conn, frame);
  }

  /** Whether anyone listens: events are not even built otherwise. */
  get listening(): boolean {
    return this.subscribers.size > 0;
  }

  /** The x-ray of one command (or of background work, command ''): its kernel steps with timings. */
  publishXray(command: string, steps: Array<XrayStep & { start?: number }>, ms: number, started?: number): void {
    if (this.subscribers.size === 0 || (steps.length === 0 && command === '')) return;
    const sent = steps.slice(0, MAX_XRAY_STEPS).map((s): XrayStep => ({
      op: s.op, detail: s.detail.length > 160 ? s.detail.slice(0, 157) + '...' : s.detail, ms: s.ms, by: s.by ?? 'daemon',
      ...(started !== undefined && s.start !== undefined ? { at: Math.round((s.start - started) * 1000) / 1000 } : s.at !== undefined ? { at: s.at } : {}),
    }));
    this.publish({ op: 'xray', command, steps: sent, ms: Math.round(ms * 1000) / 1000, dropped: steps.length - sent.length });
  }

  /** Container lifecycle events, from the store's onChange hook. */
  containerChanged(record: ContainerRecord, previous: string | undefined, removed: boolean): void {
    if (this.subscribers.size === 0) return;
    for (const event of lifecycleEvents(record, previous, removed, Date.now())) this.publish(event);
  }

  private serveConnection(conn: number): void {
    const file = std.fdopen(conn, 'w');
    if (!file) return void os.close(conn);
    this.files.set(conn, file);
    this.connections.add(conn);
    const lines = new LineSplitter();
    const buffer = new ArrayBuffer(4096);
    os.setReadHandler(conn, () => {
      const n = os.read(conn, buffer, 0, buffer.byteLength);
      if (n <= 0) return this.drop(conn);
      for (const line of lines.pushChunk(new Uint8Array(buffer, 0, n))) {
        const request = decodeFrame<ControlRequest>(line);
        if (request) this.answer(conn, request);
      }
    });
  }

  private answer(conn: number, request: ControlRequest): void {
    if (request.op === 'engine.state') {
      this.waiting.push({ conn, id: request.id });
      this.snapshotWhenQuiet();
      return;
    }
    let reply: GuestMessage;
    try {
      if (request.op === 'engine.subscribe') {
        if (request.events) this.subscribers.add(conn);
        else this.subscribers.delete(conn);
        reply = { id: request.id, op: 'engine.subscribe', events: request.events };
      } else {
        reply = { id: request.id, op: 'error', message: `the engine does not answer '${request.op}'` };
      }
    } catch (error) {
      reply = { id: request.id, op: 'error', message: `engine.state: ${String(error)}` };
    }
    this.write(conn, encodeFrame(reply));
  }

  /** Answers the waiting engine.state requests with one snapshot, once the gate allows it. */
  private snapshotWhenQuiet(): void {
    if (this.gateTimer || this.waiting.length === 0) return;
    const wait = this.gate.waitMs(os.now());
    if (wait > 0) {
      this.gateTimer = true;
      os.setTimeout(() => {
        this.gateTimer = false;
        this.snapshotWhenQuiet();
      }, wait);
      return;
    }
    const waiting = this.waiting;
    this.waiting = [];
    let state: GuestMessage;
    try {
      state = { id: 0, op: 'engine.state', state: collectState(this.images, this.containers, this.volumes) };
    } catch (error) {
      state = { id: 0, op: 'error', message: `engine.state: ${String(error)}` };
    }
    for (const { conn, id } of waiting) this.write(conn, encodeFrame({ ...state, id }));
  }

  /** Frames are ASCII: C stdio writes the string as is (no per-byte JavaScript). */
  private write(conn: number, frame: string): void {
    const file = this.files.get(conn);
    if (!file) return;
    file.puts(frame);
    file.flush();
  }

  private readonly files = new Map<number, std.FILE>();
  /** connections that asked for events (engine.subscribe) */
  private readonly subscribers = new Set<number>();

  private drop(conn: number): void {
    this.subscribers.delete(conn);
    if (!this.connections.delete(conn)) return;
    os.setReadHandler(conn, null);
    this.files.get(conn)?.close(); // closes the socket too
    this.files.delete(conn);
  }
}
