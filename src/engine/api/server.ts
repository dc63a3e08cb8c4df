// The daemon's API socket for the web app: /run/dockhand/api.sock. The guest agent connects
// once and relays requests (engine.state, engine.subscribe) and their replies: control-channel
// frames (src/protocol/control.ts), one a line, passed on without parsing. The engine's events
// go to the host on their own virtio-console port (EVENT_PORT, /dev/hvc1), written here
// directly while a host has subscribed: no relay, no escaping, the x-ray as text.
import type { VolumeStore } from '../store/volume-store';
import * as os from 'os';
import * as std from 'std';
import * as native from 'dockhand:kernel';
import { EVENT_PORT, LineSplitter, decodeFrame, encodeEventFrame, encodeFrame, type ControlRequest, type GuestMessage } from '../../protocol/control';
import { MAX_XRAY_STEPS, type EngineWireEvent } from '../../protocol/engine';
import { openHostPort } from '../kernel';
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

  /**
   * Sends an event to the host, if one has subscribed. The events of one turn of the daemon's
   * loop go out in one write (a docker run's created and started, then its exited, removed and
   * x-ray): each write to the port is a trip through the tty layer and out of the emulator.
   */
  publish(event: EngineWireEvent): void {
    if (this.subscribers.size === 0) return;
    if (this.unsent === '') os.setTimeout(() => this.flushEvents(), 0);
    this.unsent += encodeEventFrame(event);
  }

  private flushEvents(): void {
    const port = this.eventPort();
    if (port) {
      port.puts(this.unsent);
      port.flush();
    }
    this.unsent = '';
  }

  private unsent = '';

  /** Whether anyone listens: events are not even built otherwise. */
  get listening(): boolean {
    return this.subscribers.size > 0;
  }

  /** The x-ray of one command (or of background work, command ''): its kernel steps as x-ray lines. */
  publishXray(command: string, lines: string[], ms: number, started?: number): void {
    if (this.subscribers.size === 0 || (lines.length === 0 && command === '')) return;
    this.publish({
      op: 'xray', command, ms, started: started ?? null, dropped: Math.max(0, lines.length - MAX_XRAY_STEPS),
      lines: (lines.length > MAX_XRAY_STEPS ? lines.slice(0, MAX_XRAY_STEPS) : lines).join('\n'),
    });
  }

  /** The events' port, opened on first use (null if the machine has none: no events then). */
  private eventPort(): std.FILE | null {
    if (this.events === undefined) {
      const fd = openHostPort(EVENT_PORT);
      this.events = fd < 0 ? null : std.fdopen(fd, 'w');
      if (!this.events) std.err.puts(`dockhandd: cannot open the events port (${native.strerror(fd)})\n`);
    }
    return this.events;
  }

  private events: std.FILE | null | undefined;

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
